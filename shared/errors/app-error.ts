import { ErrorCode } from './error-codes';

/**
 * Domain errors thrown by services. They carry a stable code and, for input errors, the offending field;
 * `formatError` turns them into GraphQL errors in one place.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, ...details });

export const notFound = (entity: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.CONFLICT, message, details);

export const invalidTransition = (entity: string, from: string, to: string) =>
  new AppError(ErrorCode.INVALID_STATE_TRANSITION, `${entity} cannot go from ${from} to ${to}`, {
    entity,
    from,
    to,
  });
