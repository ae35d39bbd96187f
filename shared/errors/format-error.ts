import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';
import { flattenValidation, type ValidationItem } from './validation-errors';

/** Who is answering, and whether internals may be shown (development only). */
export interface PublicErrorOptions {
  /** The service formatting the error (`marketing`, `gateway`, …); named in SERVICE_UNAVAILABLE. */
  service?: string;
  /** Production: no suggestions, no embedded subgraph responses, no stack traces. */
  production?: boolean;
}

interface MongoLikeError {
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
}

/**
 * Driver / mongoose errors that mean "the database cannot be reached right now", not "this request is
 * wrong": server selection timed out, the socket dropped, the pool was cleared, or the client is closed.
 */
const DATABASE_UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoWaitQueueTimeoutError',
]);

/**
 * Server error codes that mean the node is restarting, shutting down or not primary (the retryable-writes
 * spec's list plus NoSuchTransaction, which a restart causes): the request was fine, the database was not.
 */
const DATABASE_UNAVAILABLE_CODES = new Set([
  6, 7, 89, 91, 189, 251, 262, 9001, 10107, 11600, 11602, 13435, 13436,
]);
/** Labels the driver puts on errors it would retry: the same meaning, whatever the code. */
const DATABASE_UNAVAILABLE_LABELS = ['TransientTransactionError', 'RetryableWriteError', 'ResetPool'];

function isDatabaseUnavailable(err: unknown): boolean {
  if (DATABASE_UNAVAILABLE.has(errorName(err) ?? '')) return true;
  if (!(errorName(err) ?? '').startsWith('Mongo')) return false;
  const e = err as { code?: unknown; errorLabels?: unknown; hasErrorLabel?: (l: string) => boolean };
  if (typeof e.code === 'number' && DATABASE_UNAVAILABLE_CODES.has(e.code)) return true;
  return DATABASE_UNAVAILABLE_LABELS.some((l) =>
    typeof e.hasErrorLabel === 'function'
      ? e.hasErrorLabel(l)
      : Array.isArray(e.errorLabels) && e.errorLabels.includes(l),
  );
}

interface Rule {
  /** Names the case in tests and logs. */
  name: string;
  matches(original: unknown, formatted: GraphQLFormattedError): boolean;
  toPublic(
    original: unknown,
    formatted: GraphQLFormattedError,
    options: PublicErrorOptions,
  ): { message: string; extensions: Record<string, unknown> } | 'keep';
}

/**
 * The one mapping from thrown errors to public `extensions.code`s, first match wins. Each row has a unit
 * test (tests/unit/errors/format-error.test.ts).
 */
export const ERROR_RULES: readonly Rule[] = [
  {
    name: 'domain error',
    matches: (o) => o instanceof AppError,
    toPublic: (o) => {
      const e = o as AppError;
      return { message: e.message, extensions: { code: e.code, ...e.details } };
    },
  },
  {
    name: 'class-validator input',
    matches: (o) => o instanceof ArgumentValidationError,
    toPublic: (o) => {
      const flat = flattenValidation(
        (o as ArgumentValidationError).extensions.validationErrors as ValidationItem[],
      );
      const first = flat[0];
      return {
        message: first ? `${first.field}: ${first.messages.join('; ')}` : 'Invalid input',
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field, fields: flat },
      };
    },
  },
  {
    name: 'duplicate key',
    matches: (o) => typeof o === 'object' && o !== null && (o as MongoLikeError).code === 11000,
    toPublic: (o) => {
      const e = o as MongoLikeError;
      const fields = Object.keys(e.keyPattern ?? e.keyValue ?? {});
      return {
        message: `A record with the same ${fields.join(', ') || 'key'} already exists`,
        extensions: { code: ErrorCode.CONFLICT, fields },
      };
    },
  },
  {
    name: 'mongoose validation',
    matches: (o) =>
      errorName(o) === 'ValidationError' && typeof (o as { errors?: unknown }).errors === 'object',
    toPublic: (o) => {
      const errors = (o as { errors: Record<string, { message: string }> }).errors;
      const field = Object.keys(errors)[0];
      return {
        message: field ? `${field}: ${errors[field].message}` : 'Invalid input',
        extensions: { code: ErrorCode.BAD_USER_INPUT, field },
      };
    },
  },
  {
    name: 'database unavailable',
    matches: (o) => isDatabaseUnavailable(o),
    toPublic: (_o, _f, { service }) => ({
      message: `The ${service ?? 'requested'} database is unavailable; try again shortly`,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...(service ? { serviceName: service } : {}) },
    }),
  },
  {
    // graphql-js coercion: `Variable "$input" got invalid value "2024-02-30" at "input.birthDate"; …`.
    name: 'invalid variable value',
    matches: (_o, f) => f.extensions?.code === ErrorCode.BAD_USER_INPUT && VARIABLE_ERROR.test(f.message),
    toPublic: (_o, f) => {
      const [, variable, at] = VARIABLE_ERROR.exec(f.message)!;
      return { message: f.message, extensions: { ...f.extensions, field: at ?? variable } };
    },
  },
  {
    // GraphQL's and Apollo's own errors (parse, validation, persisted queries, subgraph codes forwarded by
    // the gateway) already carry a meaningful code and message.
    name: 'coded GraphQL error',
    matches: (_o, f) =>
      typeof f.extensions?.code === 'string' && f.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR,
    toPublic: () => 'keep',
  },
  {
    // A GraphQLError raised on purpose without a code (e.g. a scalar's parse error) is the client's.
    name: 'uncoded GraphQL error',
    matches: (o, _f) => o instanceof GraphQLError,
    toPublic: () => 'keep',
  },
  {
    name: 'unexpected',
    matches: () => true,
    toPublic: () => ({
      message: 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    }),
  },
];

const VARIABLE_ERROR = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?;/s;

/** Extensions that describe internals (another service's URL and body, stack traces): never public. */
const INTERNAL_EXTENSIONS = ['response', 'exception', 'stacktrace'];

/**
 * Maps any thrown error to the public error shape, in one place (see ERROR_RULES). In production the
 * result carries no "Did you mean" suggestions and no internal extensions.
 */
export function toPublicError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: PublicErrorOptions = {},
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const rule = ERROR_RULES.find((r) => r.matches(original, formatted))!;
  const mapped = rule.toPublic(original, formatted, options);
  const out: GraphQLFormattedError =
    mapped === 'keep'
      ? formatted
      : {
          message: mapped.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: mapped.extensions,
        };
  return options.production ? withoutInternals(out) : out;
}

/** The rule that maps an error (for logs and tests). */
export function publicErrorRule(formatted: GraphQLFormattedError, error: unknown): string {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return ERROR_RULES.find((r) => r.matches(original, formatted))!.name;
}

function withoutInternals(e: GraphQLFormattedError): GraphQLFormattedError {
  const message = e.message.replace(/ ?Did you mean .+?\?$/s, '');
  if (!e.extensions) return { ...e, message };
  const extensions = { ...e.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  return { ...e, message, extensions };
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined;
}
