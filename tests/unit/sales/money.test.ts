import {
  MoneyError,
  addMoney,
  averageMinor,
  currencyExponent,
  formatMoney,
  isSupportedCurrency,
  multiplyMinor,
  normalizeCurrency,
  parseDecimal,
  prorate,
  sumMinor,
  toDecimalString,
  toMajorUnits,
} from '../../../shared/money/money';

describe('currency exponents (ISO 4217 minor units)', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['HUF', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i decimals', (code, exp) => {
    expect(currencyExponent(code)).toBe(exp);
  });

  it('rejects unknown, lower-case and non-monetary codes', () => {
    expect(isSupportedCurrency('XYZ')).toBe(false);
    expect(isSupportedCurrency('eur')).toBe(false);
    expect(isSupportedCurrency('XDR')).toBe(false);
    expect(() => currencyExponent('ABC')).toThrow(MoneyError);
  });

  it('normalizes case and whitespace but not invalid codes', () => {
    expect(normalizeCurrency(' eur ')).toBe('EUR');
    expect(() => normalizeCurrency('EURO')).toThrow(/ISO 4217/);
  });
});

describe('exact decimal strings', () => {
  it.each([
    [1250, 'EUR', '12.50'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1250, 'JPY', '1250'],
    [1250, 'KWD', '1.250'],
    [1, 'CLF', '0.0001'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('%i %s → %s', (minor, cur, expected) => {
    expect(toDecimalString(minor, cur)).toBe(expected);
  });

  it('round-trips through parseDecimal', () => {
    for (const [minor, cur] of [
      [1250, 'EUR'],
      [-7, 'USD'],
      [999, 'JPY'],
      [123456, 'KWD'],
    ] as const) {
      expect(parseDecimal(toDecimalString(minor, cur), cur)).toBe(minor);
    }
  });

  it('refuses more decimals than the currency has, and non-numbers', () => {
    expect(() => parseDecimal('1.5', 'JPY')).toThrow(/0 decimal places/);
    expect(() => parseDecimal('1.005', 'EUR')).toThrow(/2 decimal places/);
    expect(() => parseDecimal('1e3', 'EUR')).toThrow(/not a decimal/);
    expect(parseDecimal('12', 'EUR')).toBe(1200);
  });

  it('converts to major units only as a float for statistics', () => {
    expect(toMajorUnits(1250, 'EUR')).toBe(12.5);
    expect(toMajorUnits(1250, 'JPY')).toBe(1250);
  });
});

describe('arithmetic in minor units', () => {
  it('adds, multiplies and sums integers exactly', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is exactly 30.
    expect(sumMinor([10, 20])).toBe(30);
    expect(multiplyMinor(1999, 3)).toBe(5997);
    expect(addMoney({ amountMinor: 10, currency: 'EUR' }, { amountMinor: 20, currency: 'EUR' })).toEqual({
      amountMinor: 30,
      currency: 'EUR',
    });
  });

  it('refuses floats, overflow and mixed currencies', () => {
    expect(() => sumMinor([0.1, 0.2])).toThrow(MoneyError);
    expect(() => multiplyMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(/line total/);
    expect(() => multiplyMinor(100, 1.5)).toThrow(/quantity/);
    expect(() => addMoney({ amountMinor: 1, currency: 'EUR' }, { amountMinor: 1, currency: 'USD' })).toThrow(
      /EUR and USD/,
    );
  });

  it('prorates with half-away-from-zero rounding, exactly for large values', () => {
    expect(prorate(1000, 1, 3)).toBe(333);
    expect(prorate(1000, 2, 3)).toBe(667);
    expect(prorate(5, 1, 2)).toBe(3); // 2.5 → 3
    expect(prorate(-5, 1, 2)).toBe(-3); // −2.5 → −3
    // 9e15 × 7 / 9 overflows doubles in the intermediate product but not in BigInt.
    expect(prorate(9_000_000_000_000_000, 7, 9)).toBe(7_000_000_000_000_000);
    expect(() => prorate(1, 1, 0)).toThrow(/zero/);
  });

  it('averages with rounding and refuses an empty count', () => {
    expect(averageMinor(1000, 3)).toBe(333);
    expect(averageMinor(1001, 2)).toBe(501);
    expect(() => averageMinor(1000, 0)).toThrow(MoneyError);
  });
});

describe('formatting (Intl.NumberFormat with ISO exponents)', () => {
  it('formats per locale and exponent', () => {
    expect(formatMoney(1250, 'EUR', 'en-US')).toBe('€12.50');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
    expect(formatMoney(-5, 'USD', 'en-US')).toBe('-$0.05');
    expect(formatMoney(123456789, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('1.234.567,89 €');
    expect(formatMoney(1250, 'KWD', 'en-US')).toMatch(/1\.250/);
  });

  it('keeps every digit beyond float precision', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'EUR', 'en-US')).toBe('€90,071,992,547,409.91');
  });

  it('throws RangeError for an invalid locale', () => {
    expect(() => formatMoney(1, 'EUR', 'not a locale!')).toThrow(RangeError);
  });
});
