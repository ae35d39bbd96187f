import { validateSync } from 'class-validator';
import { badInput, flattenValidation } from '../../../../shared/errors';

/** Same options type-graphql uses for single arguments, so list items are judged by the same rules. */
const OPTIONS = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { target: false },
};

/**
 * Validates every element of a list argument and reports the first failure with its index
 * (`orders[41].items[0].quantity`), which type-graphql's own array validation does not.
 */
export function validateEach(items: readonly object[], field: string): void {
  for (let i = 0; i < items.length; i++) {
    const errors = validateSync(items[i], OPTIONS);
    if (errors.length) {
      const first = flattenValidation(errors, `${field}[${i}]`)[0];
      throw badInput(first?.field ?? `${field}[${i}]`, first?.messages.join('; ') ?? 'is invalid');
    }
  }
}
