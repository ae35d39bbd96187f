/**
 * Errors the identity engine throws for bad input. The engine stays free of GraphQL, so the error only
 * carries the `extensions` shape; the marketing subgraph's error middleware turns it into a GraphQLError
 * with the same code.
 */
export type IdentityErrorCode = 'BAD_USER_INPUT';

export class IdentityInputError extends Error {
  readonly extensions: { code: IdentityErrorCode; field: string };

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'IdentityInputError';
    this.extensions = { code: 'BAD_USER_INPUT', field };
  }
}
