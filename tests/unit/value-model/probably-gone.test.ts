import { valueModelFactsOf } from '../../../subgraphs/sales/src/customer-value/value-scores';
import type { ValueModelScores } from '../../../subgraphs/sales/src/customer-value/value-model.type';
import {
  probabilityAlive,
  probablyGoneDay,
  type FittedValueModel,
  type PurchaseSummary,
} from '../../../subgraphs/sales/src/value-model';

// CDNOW-like BG/NBD parameters in days (FHL 2005: r 0.243, α 4.414 weeks, a 0.793, b 2.426).
const params = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };

describe('probablyGoneDay: when P(alive) falls to a threshold', () => {
  it.each([
    [1, 30],
    [3, 60],
    [11, 77],
    [20, 400],
  ])('is the first day P(alive) ≤ 0.5 for x = %i, tx = %i', (x, tx) => {
    const day = probablyGoneDay(params, { x, tx }, 0.5)!;
    expect(probabilityAlive(params, { x, tx, T: day })).toBeLessThanOrEqual(0.5);
    if (day > tx) expect(probabilityAlive(params, { x, tx, T: day - 1 })).toBeGreaterThan(0.5);
  });

  it('is null without a repeat purchase: BG/NBD cannot tell (its P(alive) is 1 by assumption)', () => {
    expect(probablyGoneDay(params, { x: 0, tx: 0 }, 0.5)).toBeNull();
  });

  it('rejects thresholds outside (0, 1)', () => {
    expect(() => probablyGoneDay(params, { x: 2, tx: 10 }, 1)).toThrow('threshold');
  });
});

describe('ValueModelFacts', () => {
  const model: FittedValueModel = {
    status: 'ok',
    asOf: new Date('2024-06-01T00:00:00Z'),
    currency: 'EUR',
    timeUnit: 'day',
    customers: 1000,
    repeatBuyers: 400,
    rfm: null,
    purchaseModel: 'BG_NBD',
    bgnbd: { ...params, logLikelihood: -1, converged: true, iterations: 1, standardErrors: null },
    mbgnbd: null,
    gammaGamma: null,
    warnings: [],
  };
  const first = new Date('2024-01-01T10:00:00Z');
  const scores = (x: number, tx: number, T: number, m: FittedValueModel = model): ValueModelScores => ({
    asOf: new Date(first.getTime() + T * 86_400_000),
    modelFittedAt: m.asOf,
    summary: null,
    model: m,
    purchase: {
      x,
      tx,
      T,
      monetaryValue: 0,
      firstPurchaseAt: first,
      lastPurchaseAt: new Date(first.getTime() + tx * 86_400_000),
      purchaseDays: x + 1,
      total: 100,
    } as PurchaseSummary,
  });

  it('one-time buyers no longer get P(alive) = 1 under BG/NBD: the model cannot tell, so it is null', () => {
    expect(valueModelFactsOf(scores(0, 0, 1058))).toEqual({
      purchaseModel: 'BG_NBD',
      probabilityAlive: null,
      probablyGoneAt: null,
      predictedLifetimeValue12Months: null,
    });
  });

  it('a one-time buyer 1,058 days ago gets an honest P(alive) and a gone date under MBG/NBD', () => {
    // MBG/NBD on CDNOW (BTYDplus), α in days.
    const mbg = { r: 0.525, alpha: 6.183 * 7, a: 0.891, b: 1.614 };
    const withMbg: FittedValueModel = {
      ...model,
      purchaseModel: 'MBG_NBD',
      mbgnbd: { ...mbg, logLikelihood: -1, converged: true, iterations: 1, standardErrors: null },
    };
    const f = valueModelFactsOf(scores(0, 0, 1058, withMbg));
    expect(f.purchaseModel).toBe('MBG_NBD');
    expect(f.probabilityAlive).toBeCloseTo(probabilityAlive(mbg, { x: 0, tx: 0, T: 1058 }, 'MBG_NBD'), 12);
    expect(f.probabilityAlive!).toBeLessThan(0.5);
    const day = probablyGoneDay(mbg, { x: 0, tx: 0 }, 0.5, 'MBG_NBD')!;
    expect(day).toBeLessThan(1058);
    expect(f.probablyGoneAt).toEqual(new Date(Date.UTC(2024, 0, 1) + day * 86_400_000));
  });

  it('dates the verdict from the first purchase day', () => {
    const f = valueModelFactsOf(scores(11, 77, 235));
    const day = probablyGoneDay(params, { x: 11, tx: 77 }, 0.5)!;
    expect(f.probablyGoneAt).toEqual(new Date(Date.UTC(2024, 0, 1) + day * 86_400_000));
    expect(f.probabilityAlive).toBeCloseTo(probabilityAlive(params, { x: 11, tx: 77, T: 235 }), 12);
    expect(f.probabilityAlive!).toBeLessThan(0.5);
  });
});
