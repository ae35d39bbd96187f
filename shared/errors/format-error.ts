import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

interface MongoLikeError {
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
}

function isDuplicateKey(err: unknown): err is MongoLikeError {
  return typeof err === 'object' && err !== null && (err as MongoLikeError).code === 11000;
}

function isMongooseValidation(err: unknown): err is { name: string; errors: Record<string, { message: string }> } {
  return typeof err === 'object' && err !== null && (err as { name?: string }).name === 'ValidationError';
}

/**
 * Maps any thrown error to the public error shape, in one place: domain errors keep their code,
 * class-validator / mongoose validation become BAD_USER_INPUT naming the field, duplicate keys become
 * CONFLICT, anything unexpected becomes an opaque INTERNAL_SERVER_ERROR (details only in logs).
 */
export function toPublicError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors as Array<{
      property: string;
      constraints?: Record<string, string>;
      children?: unknown[];
    }>;
    const flat = flattenValidation(fields);
    const first = flat[0];
    return {
      ...base,
      message: first ? `${first.field}: ${first.messages.join('; ')}` : 'Invalid input',
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, fields: flat },
    };
  }
  if (isDuplicateKey(original)) {
    const fields = Object.keys(original.keyPattern ?? original.keyValue ?? {});
    return {
      ...base,
      message: `A record with the same ${fields.join(', ') || 'key'} already exists`,
      extensions: { code: ErrorCode.CONFLICT, fields },
    };
  }
  if (isMongooseValidation(original)) {
    const field = Object.keys(original.errors)[0];
    return {
      ...base,
      message: field ? `${field}: ${original.errors[field].message}` : 'Invalid input',
      extensions: { code: ErrorCode.BAD_USER_INPUT, field },
    };
  }
  const code = formatted.extensions?.code;
  // GraphQL's own validation/parse errors (and Apollo's) already carry a meaningful code and message.
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  if (!(original instanceof Error) || error instanceof GraphQLError && !error.originalError) return formatted;
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function flattenValidation(
  errors: Array<{ property: string; constraints?: Record<string, string>; children?: unknown[] }>,
  prefix = '',
): Array<{ field: string; messages: string[] }> {
  const out: Array<{ field: string; messages: string[] }> = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flattenValidation(e.children as typeof errors, field));
  }
  return out;
}
