import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../shared/errors';
import type { Logger } from '../../../shared/logger/logger';
import type { GatewayContext } from '../context';
import { clientErrorsOfSubgraph } from './subgraph-client-errors';

/**
 * A remote subgraph that receives the caller's forwarded headers (authorization, trace context, …), and
 * whose network failures reach clients as SERVICE_UNAVAILABLE naming the subgraph rather than as an
 * anonymous internal error.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Subgraph name, for errors and logs. */
  readonly serviceName: string;
  private readonly logger?: Logger;

  constructor(config: { url: string; fetcher?: Fetcher; serviceName: string; logger?: Logger }) {
    super({ url: config.url, ...(config.fetcher ? { fetcher: config.fetcher } : {}) });
    this.serviceName = config.serviceName;
    this.logger = config.logger;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run outside any request and carry no headers.
    const headers = (options.context as Partial<GatewayContext> | undefined)?.forwardedHeaders;
    if (!headers || !options.request.http) return;
    for (const [name, value] of Object.entries(headers)) options.request.http.headers.set(name, value);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      const clientErrors = clientErrorsOfSubgraph(err);
      if (clientErrors) return clientErrors;
      // Other errors the subgraph itself reported (HTTP status, GraphQL errors) are already shaped.
      if (err instanceof GraphQLError) throw err;
      this.logger?.warn({ err, subgraph: this.serviceName }, `subgraph ${this.serviceName} unreachable`);
      throw new GraphQLError(`The ${this.serviceName} service is unavailable; try again shortly`, {
        originalError: err as Error,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.serviceName },
      });
    }
  }
}
