import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError, parse } from 'graphql';
import { encodeRequestAuth } from '../../../shared/auth/principal';
import { SIGNATURE_HEADERS } from '../../../shared/auth/request-signing';
import { ErrorCode } from '../../../shared/errors';
import { injectTraceContext } from '../../../shared/tracing';
import type { Logger } from '../../../shared/logger/logger';
import type { GatewayContext } from '../context';
import { failedFetchErrors } from './failed-fetch-errors';
import { clientErrorsOfSubgraph } from './subgraph-client-errors';
import { CircuitOpenError, SubgraphTimeoutError, type SubgraphBreaker } from './subgraph-breaker';

/**
 * The abort signal of the subgraph call in progress. RemoteGraphQLDataSource builds the fetch options
 * itself and passes no signal, so the breaker's timeout reaches the fetcher this way and a timed-out
 * request really is cancelled (its socket freed) rather than left running.
 */
const callSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * A remote subgraph that receives the caller's forwarded headers (authorization, trace context, …), is
 * called through its timeout and circuit breaker, and whose failures reach clients as
 * SERVICE_UNAVAILABLE naming the subgraph (with `retryAfter` seconds while its circuit is open) rather
 * than as an anonymous internal error.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Subgraph name, for errors and logs. */
  readonly serviceName: string;
  private readonly logger?: Logger;
  private readonly breaker?: SubgraphBreaker;

  constructor(config: {
    url: string;
    fetcher?: Fetcher;
    serviceName: string;
    logger?: Logger;
    breaker?: SubgraphBreaker;
  }) {
    const fetcher = config.fetcher;
    super({
      url: config.url,
      ...(fetcher
        ? {
            fetcher: ((url, init) =>
              fetcher(url, { ...init, signal: callSignal.getStore() } as typeof init)) as Fetcher,
          }
        : {}),
    });
    this.serviceName = config.serviceName;
    this.logger = config.logger;
    this.breaker = config.breaker;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run outside any request and carry no headers.
    const context = options.context as Partial<GatewayContext> | undefined;
    const headers = context?.forwardedHeaders;
    const http = options.request.http;
    if (!headers || !http) return;
    for (const [name, value] of Object.entries(headers)) http.headers.set(name, value);
    // The verified principal travels in a header the signing fetcher covers with its HMAC.
    if (context.auth) http.headers.set(SIGNATURE_HEADERS.principal, encodeRequestAuth(context.auth));
    // With tracing on, the subgraph's parent is this fetch's span rather than the caller's (no-op when off).
    injectTraceContext((name, value) => http.headers.set(name, value));
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const call = () => super.process(options);
    try {
      if (!this.breaker) return await call();
      const deadline = (options.context as Partial<GatewayContext> | undefined)?.deadline;
      return await this.breaker.run((signal) => callSignal.run(signal, call), deadline);
    } catch (err) {
      const clientErrors = clientErrorsOfSubgraph(err);
      if (clientErrors) return clientErrors;
      const error = this.publicError(err);
      // Health checks and schema loading (no client request) still throw.
      if (!('incomingRequestContext' in options)) throw error;
      // Answered rather than thrown, so each field this call was to fill gets its own error and path.
      const representations = options.request.variables?.representations;
      return {
        errors: failedFetchErrors(
          options.document ?? parse(options.request.query ?? '{ __typename }'),
          Array.isArray(representations) ? representations.length : 0,
          { message: error.message, extensions: { ...error.extensions } },
        ),
      };
    }
  }

  private publicError(err: unknown): GraphQLError {
    const extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.serviceName };
    if (err instanceof CircuitOpenError) {
      return new GraphQLError(
        `The ${this.serviceName} service is unavailable; try again in ${err.retryAfterSeconds} s`,
        { extensions: { ...extensions, retryAfter: err.retryAfterSeconds } },
      );
    }
    if (err instanceof SubgraphTimeoutError) {
      return new GraphQLError(`The ${this.serviceName} service did not answer in time; try again shortly`, {
        originalError: err,
        extensions,
      });
    }
    // Other errors the subgraph itself reported (HTTP status, GraphQL errors) are already shaped.
    if (err instanceof GraphQLError) return err;
    this.logger?.warn({ err, subgraph: this.serviceName }, `subgraph ${this.serviceName} unreachable`);
    return new GraphQLError(`The ${this.serviceName} service is unavailable; try again shortly`, {
      originalError: err as Error,
      extensions,
    });
  }
}

/**
 * Whether an error of a subgraph call means the subgraph is failing (and counts towards opening its
 * circuit): it could not be reached, or it answered 5xx. Its answers with GraphQL errors, client errors
 * (4xx) included, show it is up.
 */
export function isSubgraphFailure(err: unknown): boolean {
  if (!(err instanceof GraphQLError)) return true;
  const status = (err.extensions as { response?: { status?: unknown } }).response?.status;
  return typeof status === 'number' && status >= 500;
}
