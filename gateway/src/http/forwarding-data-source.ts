import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../context';

/** A remote subgraph that receives the caller's forwarded headers (authorization, trace context, …). */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run outside any request and carry no headers.
    const headers = (options.context as Partial<GatewayContext> | undefined)?.forwardedHeaders;
    if (!headers || !options.request.http) return;
    for (const [name, value] of Object.entries(headers)) options.request.http.headers.set(name, value);
  }
}
