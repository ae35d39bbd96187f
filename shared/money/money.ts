/**
 * Money arithmetic in integer minor units (cents, yen, fils…) with an ISO 4217 currency code.
 * Amounts are JS numbers holding integers; every operation checks that the result stays a safe integer
 * (|n| ≤ 2^53 − 1), so a float or an overflow fails loudly instead of silently losing a cent.
 * Pure: no I/O, no global state apart from a formatter cache.
 */

export interface MoneyValue {
  /** Integer amount in the currency's minor unit (e.g. 1250 = EUR 12.50, 1250 = JPY 1,250). */
  amountMinor: number;
  /** ISO 4217 alphabetic code, upper case. */
  currency: string;
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

/**
 * ISO 4217 minor-unit exponents that differ from the usual 2. Listed explicitly rather than taken from
 * `Intl` because CLDR's display digits are not the ISO minor unit for every currency.
 */
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Units of account without a minor unit (SDR, Sucre): not usable for prices. */
const NOT_A_MONEY = new Set(['XDR', 'XSU']);

// The ICU list of active currencies, plus the ISO funds codes it omits but whose minor unit we know.
const SUPPORTED = new Set<string>(
  [...Intl.supportedValuesOf('currency'), 'CLF', 'UYI', 'UYW'].filter((c) => !NOT_A_MONEY.has(c)),
);

export function isSupportedCurrency(code: string): boolean {
  return SUPPORTED.has(code);
}

/** Upper-cases and trims a code; throws MoneyError when it is not a supported ISO 4217 currency. */
export function normalizeCurrency(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c) || !SUPPORTED.has(c)) {
    throw new MoneyError(`${JSON.stringify(code)} is not a supported ISO 4217 currency code`);
  }
  return c;
}

/** Number of decimal digits of the minor unit (JPY 0, EUR 2, KWD 3, CLF 4). */
export function currencyExponent(currency: string): number {
  if (!SUPPORTED.has(currency)) throw new MoneyError(`Unknown currency ${currency}`);
  return EXPONENT_EXCEPTIONS[currency] ?? 2;
}

export function assertMinor(amountMinor: number, what = 'amount'): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MoneyError(`${what} must be an integer number of minor units, got ${amountMinor}`);
  }
  return amountMinor;
}

export function money(amountMinor: number, currency: string): MoneyValue {
  return { amountMinor: assertMinor(amountMinor), currency: normalizeCurrency(currency) };
}

export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total = assertMinor(total + assertMinor(v), 'sum');
  return total;
}

/** Unit price × quantity, exact (both integers); throws if the product leaves the safe-integer range. */
export function multiplyMinor(unitMinor: number, quantity: number): number {
  assertMinor(unitMinor, 'unit price');
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`quantity must be an integer, got ${quantity}`);
  return assertMinor(unitMinor * quantity, 'line total');
}

/** Adds amounts of the same currency; mixing currencies is a programming error, not a conversion. */
export function addMoney(a: MoneyValue, b: MoneyValue): MoneyValue {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot add ${a.currency} and ${b.currency}`);
  return { amountMinor: assertMinor(a.amountMinor + b.amountMinor), currency: a.currency };
}

/**
 * round(amount × numerator / denominator), half away from zero, computed in BigInt so that
 * large amounts times large ratios never pass through a float. Used for pro-rata discounts and refunds.
 */
export function prorate(amountMinor: number, numerator: number, denominator: number): number {
  assertMinor(amountMinor);
  assertMinor(numerator, 'numerator');
  assertMinor(denominator, 'denominator');
  if (denominator === 0) throw new MoneyError('Cannot prorate over a zero denominator');
  const product = BigInt(amountMinor) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n !== d < 0n;
  const p = product < 0n ? -product : product;
  const dd = d < 0n ? -d : d;
  const q = (p * 2n + dd) / (dd * 2n);
  return assertMinor(Number(negative ? -q : q), 'prorated amount');
}

/**
 * Splits `totalMinor` into integer parts proportional to `weights` that add up to the total exactly
 * (largest-remainder / Hamilton method): each part gets the floor of its exact share, and the minor units
 * left over go one each to the largest fractional remainders, ties to the earlier index so the result is
 * deterministic. Used to spread an order's revenue over the touchpoints that earned credit for it.
 */
export function allocateMinor(totalMinor: number, weights: readonly number[]): number[] {
  assertMinor(totalMinor, 'total');
  if (weights.length === 0) throw new MoneyError('Cannot allocate over no weights');
  let weightSum = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new MoneyError(`weights must be finite and ≥ 0, got ${w}`);
    weightSum += w;
  }
  if (weightSum <= 0) throw new MoneyError('Cannot allocate over weights that sum to 0');
  const magnitude = Math.abs(totalMinor);
  const exact = weights.map((w) => (magnitude * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = magnitude - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .filter(({ i }) => weights[i] > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  // Float shares can leave `left` off by one in either direction; both loops keep the sum exact and never
  // give a unit to a zero weight or take a part below zero.
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i] += 1;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    if (parts[order[k].i] > 0) {
      parts[order[k].i] -= 1;
      left++;
    }
  }
  return totalMinor < 0 ? parts.map((p) => -p) : parts;
}

/** Integer division of a total into a mean, half away from zero (average order value). */
export function averageMinor(totalMinor: number, count: number): number {
  if (!Number.isSafeInteger(count) || count <= 0)
    throw new MoneyError(`count must be a positive integer, got ${count}`);
  return prorate(totalMinor, 1, count);
}

/** Exact decimal string in major units: 1250 EUR → "12.50", 1250 JPY → "1250", -5 EUR → "-0.05". */
export function toDecimalString(amountMinor: number, currency: string): string {
  assertMinor(amountMinor);
  const exp = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString();
  if (exp === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(exp + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -exp)}.${padded.slice(-exp)}`;
}

/** Parses a decimal string in major units into minor units; rejects more decimals than the currency has. */
export function parseDecimal(value: string, currency: string): number {
  const exp = currencyExponent(currency);
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new MoneyError(`${JSON.stringify(value)} is not a decimal amount`);
  const [, sign, int, frac = ''] = m;
  if (frac.length > exp)
    throw new MoneyError(`${currency} has ${exp} decimal places, got ${JSON.stringify(value)}`);
  const minor = Number(int + frac.padEnd(exp, '0'));
  return assertMinor(sign && minor !== 0 ? -minor : minor);
}

/**
 * Major units as a float, for statistics only (model fitting works in major units); never stored and
 * never used to compute an amount that is shown or charged.
 */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Localised display string ("€12.50", "12,50 €", "¥1,250"). Formats the exact decimal string, not a float,
 * so amounts beyond 2^53 / 10^exponent still print every digit. Throws RangeError for an invalid locale.
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const exp = currencyExponent(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    // A small cap: locales come from clients, the cache must not grow without bound.
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  // Intl.NumberFormat v3 accepts decimal strings and formats them exactly.
  return f.format(toDecimalString(amountMinor, currency) as unknown as number);
}
