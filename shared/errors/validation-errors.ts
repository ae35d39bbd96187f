/** The parts of a class-validator ValidationError this walker reads (type-graphql hands them over as JSON). */
export interface ValidationItem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationItem[];
}

export interface FieldViolation {
  /** Path of the input field, e.g. `input.items[2].quantity`. */
  field: string;
  messages: string[];
}

/**
 * The one class-validator error walker: every violated field with its path, depth first, in input order.
 * Array elements are written as `[i]` (class-validator names them by index), so a message points at the
 * item a client sent.
 */
export function flattenValidation(errors: readonly ValidationItem[], prefix = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property)
      ? `${prefix}[${e.property}]`
      : prefix
        ? `${prefix}.${e.property}`
        : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flattenValidation(e.children, field));
  }
  return out;
}
