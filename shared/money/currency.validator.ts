import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isSupportedCurrency } from './money';

/** class-validator decorator: an upper-case ISO 4217 code with a known minor unit (EUR, JPY, KWD…). */
export function IsCurrencyCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCurrencyCode',
      target: object.constructor,
      propertyName,
      options: { message: 'must be an upper-case ISO 4217 currency code such as EUR or JPY', ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isSupportedCurrency(v) },
    });
}
