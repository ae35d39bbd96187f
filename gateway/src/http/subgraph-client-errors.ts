import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';

interface HttpErrorExtensions {
  response?: { status?: number; body?: unknown };
}

/**
 * A subgraph answers a request it refuses (an impossible date in a variable, …) with HTTP 4xx and GraphQL
 * errors in the body. RemoteGraphQLDataSource turns that into an anonymous "400: Bad Request" carrying the
 * subgraph's URL and body; this gives back the subgraph's own errors instead, as if it had answered 200,
 * so the gateway forwards each with its code (BAD_USER_INPUT, `field`) and `serviceName`.
 * Undefined when the error is anything else (network failure, 5xx, 401/403, a body without errors).
 */
export function clientErrorsOfSubgraph(err: unknown): GatewayGraphQLResponse | undefined {
  if (!(err instanceof GraphQLError)) return undefined;
  const response = (err.extensions as HttpErrorExtensions).response;
  const status = response?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500 || status === 401 || status === 403) {
    return undefined;
  }
  const errors = (response?.body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const wellFormed = errors.every(
    (e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string',
  );
  return wellFormed ? { errors: errors as GatewayGraphQLResponse['errors'] } : undefined;
}
