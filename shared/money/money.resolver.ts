import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { badInput } from '../errors';
import { formatMoney, toDecimalString } from './money';
import { Money } from './money.type';

@Resolver(() => Money)
export class MoneyResolver {
  @FieldResolver(() => String, {
    description:
      'Exact decimal in major units with the currency exponent: "12.50" EUR, "1250" JPY, "1.250" KWD.',
  })
  amount(@Root() money: Money): string {
    return toDecimalString(money.amountMinor, money.currency);
  }

  @FieldResolver(() => String, {
    description: 'Localised display string, e.g. "€12.50" (en-US), "12,50 €" (de-DE).',
  })
  formatted(
    @Root() money: Money,
    @Arg('locale', () => String, { defaultValue: 'en-US', description: 'BCP 47 locale.' }) locale: string,
  ): string {
    try {
      return formatMoney(money.amountMinor, money.currency, locale);
    } catch (err) {
      if (err instanceof RangeError) throw badInput('locale', `${locale} is not a valid BCP 47 locale`);
      throw err;
    }
  }
}
