import { OrderChannel } from '../../subgraphs/sales/src/order/order.enums';
import { ReturnReason } from '../../subgraphs/sales/src/return/return.enums';
import { CATALOGUE, type CatalogueProduct } from './catalogue.data';
import type { SeedRandom } from './random';
import { DAY_MS, HOUR_MS } from './time';
import type { OrderLinePlan, OrderPlan } from './types';

/*
 * Purchasing follows the BG/NBD story (Fader, Hardie & Lee 2005), so the sales value model has a real
 * process to fit: each buyer has a purchase rate λ ~ Gamma(r, α) and a drop-out probability p ~ Beta(a, b);
 * while alive, gaps between purchases are exponential with rate λ, and after every repeat purchase the buyer
 * drops out with probability p. Order values follow Gamma–Gamma: a per-customer scale ν ~ Gamma(q, γ) and
 * order values ~ Gamma(shape, ν). Archetypes condition on the outcome (a lapsed buyer is a draw whose last
 * purchase is old) by redrawing, so conditioned histories still come from the same process. Histories are
 * always simulated up to today and never cut short: a buyer who stops at a fixed day without dropping out
 * is not in the story, and enough of them (the churned persona once was) make drop-out look the same for
 * everyone, so the fitted Beta(a, b) runs off to a boundary.
 */

export const PURCHASE_PROCESS = {
  /**
   * λ ~ Gamma(r, α): purchases per day while active; mean r / α ≈ one purchase every ~2 months, a typical
   * (median) buyer about every 3 months, and a tail of heavy buyers (r near 1: unequal customers).
   */
  r: 1.2,
  alpha: 70,
  /**
   * p ~ Beta(a, b): mean 0.2 chance of dropping out after each repeat purchase, varying widely between buyers
   * (some stay for years, some leave after a purchase or two); this spread is what the fitted Beta measures.
   */
  a: 1.5,
  b: 6,
  /** Order value (EUR) ~ Gamma(shape, ν), ν ~ Gamma(q, γ): mean shape · γ / (q − 1) ≈ 96 EUR. */
  spendShape: 6,
  spendQ: 3.5,
  spendGamma: 40,
};

export interface BuyerTraits {
  lambda: number;
  dropout: number;
  /** Gamma–Gamma scale of this buyer's order values. */
  nu: number;
}

export function drawBuyerTraits(rng: SeedRandom): BuyerTraits {
  const P = PURCHASE_PROCESS;
  return {
    lambda: rng.gamma(P.r, P.alpha),
    dropout: rng.beta(P.a, P.b),
    nu: rng.gamma(P.spendQ, P.spendGamma),
  };
}

/** Purchase instants (ms) from a first purchase at `startMs` until `endMs`, by the BG/NBD process. */
export function simulatePurchaseTimes(
  rng: SeedRandom,
  traits: BuyerTraits,
  startMs: number,
  endMs: number,
): number[] {
  const times = [startMs];
  let t = startMs;
  for (let guard = 0; guard < 200; guard++) {
    t += rng.exponential(traits.lambda) * DAY_MS;
    if (t > endMs) break;
    times.push(t);
    if (rng.chance(traits.dropout)) break;
  }
  return times;
}

/** Days without an order after which the insights rules call a buyer lapsed (max of 180 and 2 × mean gap). */
export function lapseThresholdDays(times: readonly number[]): number {
  if (times.length < 2) return 180;
  const meanGap = (times[times.length - 1] - times[0]) / DAY_MS / (times.length - 1);
  return Math.max(180, Math.ceil(2 * meanGap));
}

const CONSUMABLE = new Set(['Coffee', 'Personal care']);

/** Products sold at a moment: discontinued ones only in the history's first two years. */
function availableProducts(placedAt: Date, asOf: Date): readonly CatalogueProduct[] {
  const recent = asOf.getTime() - placedAt.getTime() < 365 * DAY_MS;
  return recent ? CATALOGUE.filter((p) => !p.discontinued) : CATALOGUE;
}

function pickProduct(rng: SeedRandom, products: readonly CatalogueProduct[]): CatalogueProduct {
  let total = 0;
  for (const p of products) total += p.popularity;
  let x = rng.float() * total;
  for (const p of products) {
    x -= p.popularity;
    if (x < 0) return p;
  }
  return products[products.length - 1];
}

/** Order lines worth roughly one Gamma–Gamma draw of this buyer's spend. */
export function orderLines(
  rng: SeedRandom,
  traits: BuyerTraits,
  placedAt: Date,
  asOf: Date,
): OrderLinePlan[] {
  const targetMinor = Math.max(500, Math.round(rng.gamma(PURCHASE_PROCESS.spendShape, traits.nu) * 100));
  const products = availableProducts(placedAt, asOf);
  const lines = new Map<string, OrderLinePlan>();
  let total = 0;
  for (let attempt = 0; attempt < 12 && total < targetMinor * 0.85 && lines.size < 6; attempt++) {
    const product = pickProduct(rng, products);
    // An expensive item only when the budget allows it (or as the one thing bought).
    if (product.priceMinor > Math.max(targetMinor * 1.4, 1500) && (lines.size > 0 || attempt < 6)) continue;
    const quantity = CONSUMABLE.has(product.category) ? rng.between(1, 3) : 1;
    const line = lines.get(product.sku);
    if (line) line.quantity += quantity;
    else lines.set(product.sku, { sku: product.sku, quantity, unitPriceMinor: product.priceMinor });
    total += product.priceMinor * quantity;
  }
  if (lines.size === 0) {
    const cheapest = [...products].sort((x, y) => x.priceMinor - y.priceMinor)[rng.int(5)];
    lines.set(cheapest.sku, { sku: cheapest.sku, quantity: 1, unitPriceMinor: cheapest.priceMinor });
  }
  return [...lines.values()];
}

export const FREE_SHIPPING_FROM_MINOR = 4900;
export const SHIPPING_MINOR = 490;

/** Discount, shipping and fulfilment status of an order placed at `placedAt`, as seen at `asOf`. */
export function orderTerms(
  rng: SeedRandom,
  lines: readonly OrderLinePlan[],
  channel: OrderChannel,
  placedAt: Date,
  asOf: Date,
  promotion: boolean,
): Pick<OrderPlan, 'discountMinor' | 'shippingMinor' | 'fulfilment'> {
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  const percent = promotion && rng.chance(0.6) ? rng.between(15, 25) : rng.chance(0.07) ? 10 : 0;
  const discountMinor = Math.round((subtotal * percent) / 100);
  const shippingMinor =
    channel === OrderChannel.STORE || subtotal - discountMinor >= FREE_SHIPPING_FROM_MINOR
      ? 0
      : SHIPPING_MINOR;
  const ageHours = (asOf.getTime() - placedAt.getTime()) / HOUR_MS;
  let fulfilment: OrderPlan['fulfilment'] = 'DELIVERED';
  if (channel === OrderChannel.STORE) fulfilment = ageHours < 1 ? 'PAID' : 'DELIVERED';
  else if (ageHours < 8) fulfilment = rng.chance(0.5) ? 'PENDING' : 'PAID';
  else if (ageHours < 48) fulfilment = 'PAID';
  else if (ageHours < 120) fulfilment = 'SHIPPED';
  return { discountMinor, shippingMinor, fulfilment };
}

export const RETURN_REASON_WEIGHTS: Readonly<Record<ReturnReason, number>> = {
  [ReturnReason.DAMAGED]: 0.14,
  [ReturnReason.DEFECTIVE]: 0.14,
  [ReturnReason.WRONG_ITEM]: 0.06,
  [ReturnReason.NOT_AS_DESCRIBED]: 0.14,
  [ReturnReason.SIZE_OR_FIT]: 0.14,
  [ReturnReason.CHANGED_MIND]: 0.24,
  [ReturnReason.ARRIVED_LATE]: 0.05,
  [ReturnReason.OTHER]: 0.09,
};

/** Reasons a customer would complain about afterwards. */
export const COMPLAINT_REASONS: readonly ReturnReason[] = [
  ReturnReason.DAMAGED,
  ReturnReason.DEFECTIVE,
  ReturnReason.WRONG_ITEM,
  ReturnReason.NOT_AS_DESCRIBED,
];

/** Items sent back: usually one line (part of it), sometimes the whole order. */
export function returnItems(
  rng: SeedRandom,
  lines: readonly OrderLinePlan[],
): { sku: string; quantity: number }[] {
  if (rng.chance(0.35)) return lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const line = rng.pick(lines);
  return [{ sku: line.sku, quantity: rng.between(1, line.quantity) }];
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MASK_40 = (1n << 40n) - 1n;

/**
 * `SO-20260131-7K3M9QXA` like the sales subgraph's numbers. The suffix is the order's sequence number pushed
 * through a bijection of 40-bit integers (odd multiplier, salted offset), so numbers look random yet can
 * never collide within one seed.
 */
export function demoOrderNumber(placedAt: Date, sequence: number, salt: number): string {
  const day = placedAt.toISOString().slice(0, 10).replace(/-/g, '');
  let x = (BigInt(sequence) * 0x9e3779b97fn + BigInt(salt) * 0x2545f491n) & MASK_40;
  x ^= x >> 17n;
  let suffix = '';
  for (let i = 0; i < 8; i++) {
    suffix = CROCKFORD[Number(x & 31n)] + suffix;
    x >>= 5n;
  }
  return `SO-${day}-${suffix}`;
}
