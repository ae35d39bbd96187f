import {
  discountedExpectedPurchases,
  expectedAverageOrderValue,
  fitValueModel,
  predictCustomer,
  RfmSegment,
  summarizePurchases,
  type CustomerSummary,
  type FittedValueModel,
  type PurchaseSummary,
} from '../../../subgraphs/sales/src/value-model';
import { simulateCustomers, toOrders } from '../../helpers/value-model/simulate';

const asOf = new Date('2024-06-30T20:00:00Z');
// CDNOW's behaviour in days: α = 4.41 weeks × 7.
const DAILY = { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 };
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };

/** Simulated customers pushed through the real path: orders → purchase-day summaries. */
function simulatedSummaries(customers: number, seed: number): PurchaseSummary[] {
  return simulateCustomers({
    customers,
    seed,
    bgnbd: DAILY,
    gammaGamma: SPEND,
    observation: { min: 180, max: 365 },
  }).map((c) => summarizePurchases(toOrders(c, asOf), { asOf }) as PurchaseSummary);
}

const oneTimer = (T: number): CustomerSummary => ({ x: 0, tx: 0, T, monetaryValue: 0, total: 20 });

describe('fitValueModel', () => {
  const summaries = simulatedSummaries(5000, 99);
  const model = fitValueModel(summaries, { asOf, currency: 'EUR' }) as FittedValueModel;

  it('fits the purchase models and the spend model on purchase-day summaries and reports how', () => {
    expect(model.status).toBe('ok');
    expect(model).toMatchObject({ asOf, currency: 'EUR', timeUnit: 'day', customers: 5000 });
    expect(model.purchaseModel).toBe('MBG_NBD');
    expect(model.repeatBuyers).toBe(summaries.filter((s) => s.x > 0).length);
    for (const purchase of [model.bgnbd, model.mbgnbd!]) {
      expect(purchase.converged).toBe(true);
      expect(purchase.iterations).toBeGreaterThan(0);
      expect(purchase.logLikelihood).toBeLessThan(0);
    }
    // The data come from the BG/NBD story: its likelihood is the higher one.
    expect(model.bgnbd.logLikelihood).toBeGreaterThan(model.mbgnbd!.logLikelihood);
    expect(model.gammaGamma?.converged).toBe(true);
    expect(model.warnings).toEqual([]);
    expect(model.rfm?.recencyDays).toHaveLength(4);
  });

  it('recovers the simulated behaviour despite day rounding (within 4 reported standard errors)', () => {
    // Rounding times to UTC days shifts tx and T by under a day against spans of 180–365 days, and same-day
    // repeat purchases are rare at ~0.008 purchases a day: the bias is small next to the sampling error.
    const se = model.bgnbd.standardErrors;
    expect(se).not.toBeNull();
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(model.bgnbd[key] - DAILY[key])).toBeLessThan(4 * (se as typeof DAILY)[key]);
    }
    const gg = model.gammaGamma as NonNullable<FittedValueModel['gammaGamma']>;
    for (const key of ['p', 'q', 'v'] as const) {
      expect(Math.abs(gg[key] - SPEND[key])).toBeLessThan(4 * (gg.standardErrors as typeof SPEND)[key]);
    }
  });

  it('is plain data that survives JSON storage', () => {
    const stored = JSON.parse(JSON.stringify(model));
    const back = { ...stored, asOf: new Date(stored.asOf) };
    const customer = summaries.find((s) => s.x > 2) as PurchaseSummary;
    const options = { days: 90, months: 12 };
    expect(predictCustomer(back, customer, options)).toEqual(predictCustomer(model, customer, options));
  });

  it('says when there are too few customers, with no parameters', () => {
    const few = fitValueModel(summaries.slice(0, 99), { asOf, currency: 'EUR' });
    expect(few).toMatchObject({ status: 'insufficient-data', customers: 99, bgnbd: null, gammaGamma: null });
    expect(few.status === 'insufficient-data' && few.reason).toMatch(/at least 100/);
  });

  it('says when nobody has bought twice', () => {
    const onlyOnce = Array.from({ length: 150 }, (_, i) => oneTimer(i));
    const model2 = fitValueModel(onlyOnce, { asOf, currency: 'EUR' });
    expect(model2.status).toBe('insufficient-data');
    expect(model2.status === 'insufficient-data' && model2.reason).toMatch(/repeat purchase/);
    // RFM still works: it needs no model.
    expect(model2.rfm).not.toBeNull();
    const prediction = predictCustomer(model2, oneTimer(3), { days: 30, months: 12 });
    expect(prediction).toMatchObject({
      expectedPurchases: null,
      probabilityAlive: null,
      expectedAverageOrderValue: null,
      predictedLifetimeValue: null,
    });
    expect(prediction.rfm?.segment).toBeDefined();
  });

  it('skips the spend model, with a warning, when too few repeat buyers have spend', () => {
    const mostlyOnce = [
      ...Array.from({ length: 150 }, (_, i) => oneTimer(100 + i)),
      ...summaries.filter((s) => s.x > 0).slice(0, 5),
    ];
    const model3 = fitValueModel(mostlyOnce, {
      asOf,
      currency: 'EUR',
      purchaseModel: 'BG_NBD',
    }) as FittedValueModel;
    expect(model3.status).toBe('ok');
    expect(model3.gammaGamma).toBeNull();
    expect(model3.warnings.join(' ')).toMatch(/Gamma-Gamma spend model skipped: 5 repeat buyers/);
    const p = predictCustomer(model3, mostlyOnce[0], { days: 30, months: 12 });
    // BG/NBD: a one-time buyer is alive by assumption.
    expect(p.probabilityAlive).toBe(1);
    expect(p.expectedAverageOrderValue).toBeNull();
    expect(p.predictedLifetimeValue).toBeNull();
  });

  it('rejects bad input naming the field', () => {
    expect(() => fitValueModel(summaries, { asOf, currency: 'euro' })).toThrow('currency');
    expect(() => fitValueModel(summaries, { asOf: new Date(NaN), currency: 'EUR' })).toThrow('asOf');
    expect(() => fitValueModel([{ x: 1, tx: 5, T: 3, monetaryValue: 1 }], { asOf, currency: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'summaries[0].tx' } }),
    );
    expect(() =>
      fitValueModel([{ x: 1, tx: 1, T: 3, monetaryValue: -1 }], { asOf, currency: 'EUR' }),
    ).toThrow('summaries[0].monetaryValue');
  });
});

describe('predictCustomer', () => {
  const summaries = simulatedSummaries(3000, 7);
  const model = fitValueModel(summaries, { asOf, currency: 'EUR' }) as FittedValueModel;
  const frequent: CustomerSummary = { x: 8, tx: 170, T: 180, monetaryValue: 40, total: 360 };

  it('combines the models for one customer', () => {
    const p = predictCustomer(model, frequent, { days: 90, months: 12 });
    const aov = expectedAverageOrderValue(
      model.gammaGamma as NonNullable<FittedValueModel['gammaGamma']>,
      8,
      40,
    ) as number;
    expect(p.probabilityAlive).toBeGreaterThan(0.5);
    expect(p.probabilityAlive).toBeLessThanOrEqual(1);
    expect(p.expectedPurchases).toBeGreaterThan(0);
    expect(p.expectedAverageOrderValue).toBeCloseTo(aov, 12);
    expect(p.predictedLifetimeValue).toBeCloseTo(
      aov *
        discountedExpectedPurchases(model.mbgnbd!, frequent, {
          months: 12,
          monthlyDiscountRate: 0.01,
          model: 'MBG_NBD',
        }),
      9,
    );
    expect(p.rfm?.score).toMatch(/^[1-5]{3}$/);
  });

  it('predicts with the selected purchase model: MBG/NBD judges one-time buyers, BG/NBD cannot', () => {
    const onceLongAgo: CustomerSummary = { x: 0, tx: 0, T: 1058, monetaryValue: 0, total: 30 };
    const mbg = predictCustomer(model, onceLongAgo, { days: 90, months: 12 });
    const bg = predictCustomer({ ...model, purchaseModel: 'BG_NBD' }, onceLongAgo, { days: 90, months: 12 });
    expect(bg.probabilityAlive).toBe(1);
    expect(mbg.probabilityAlive).toBeLessThan(1);
    expect(mbg.expectedPurchases as number).toBeLessThan(bg.expectedPurchases as number);
  });

  it('falls back to BG/NBD for a stored fit without MBG/NBD parameters', () => {
    const old = { ...model, mbgnbd: null };
    const options = { days: 90, months: 12 };
    expect(predictCustomer(old, frequent, options)).toEqual(
      predictCustomer({ ...model, purchaseModel: 'BG_NBD' }, frequent, options),
    );
  });

  it('values a lapsed customer below an active one with the same history length', () => {
    const lapsed = { ...frequent, tx: 20 };
    const active = predictCustomer(model, frequent, { days: 90, months: 12 });
    const gone = predictCustomer(model, lapsed, { days: 90, months: 12 });
    expect(gone.probabilityAlive as number).toBeLessThan(active.probabilityAlive as number);
    expect(gone.predictedLifetimeValue as number).toBeLessThan(active.predictedLifetimeValue as number);
    expect(gone.rfm?.recency).toBeLessThan(active.rfm?.recency as number);
  });

  it('lowers CLV as the discount rate rises', () => {
    const values = [0, 0.01, 0.03].map(
      (monthlyDiscountRate) =>
        predictCustomer(model, frequent, { days: 30, months: 24, monthlyDiscountRate })
          .predictedLifetimeValue as number,
    );
    expect(values[1]).toBeLessThan(values[0]);
    expect(values[2]).toBeLessThan(values[1]);
  });

  it('segments a frequent recent big spender as a champion', () => {
    const best = { x: 30, tx: 179, T: 180, monetaryValue: 80, total: 2500 };
    expect(predictCustomer(model, best, { days: 30, months: 12 }).rfm?.segment).toBe(RfmSegment.CHAMPIONS);
  });

  it('rejects bad arguments naming them', () => {
    expect(() => predictCustomer(model, frequent, { days: -1, months: 12 })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'days' } }),
    );
    expect(() => predictCustomer(model, frequent, { days: 30, months: 2.5 })).toThrow('months');
    expect(() => predictCustomer(model, frequent, { days: 30, months: 12, monthlyDiscountRate: 2 })).toThrow(
      'monthlyDiscountRate',
    );
    expect(() => predictCustomer(model, { ...frequent, x: -1 }, { days: 30, months: 12 })).toThrow(
      'summary.x',
    );
  });
});
