import { validateSync, type ValidationError } from 'class-validator';
import { badInput } from '../../../../shared/errors';

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
      const first = firstLeaf(errors[0], `${field}[${i}]`);
      throw badInput(first.path, first.messages.join('; '));
    }
  }
}

function firstLeaf(error: ValidationError, prefix: string): { path: string; messages: string[] } {
  const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
  if (error.constraints) return { path, messages: Object.values(error.constraints) };
  const child = error.children?.[0];
  return child ? firstLeaf(child, path) : { path, messages: ['is invalid'] };
}
