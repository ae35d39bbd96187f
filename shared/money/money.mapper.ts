import type { Money } from './money.type';

/** Builds the GraphQL Money object; `amount` and `formatted` are derived by MoneyResolver. */
export function toMoney(amountMinor: number, currency: string): Money {
  return { amountMinor, currency };
}
