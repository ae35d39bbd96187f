import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Sets `Retry-After` (seconds) on a response that carries errors with `extensions.retryAfter` — fields
 * whose subgraph's circuit is open — to the longest of them, so HTTP clients and proxies can back off
 * without reading the errors.
 */
export const retryAfterHeader: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        let seconds = 0;
        for (const e of response.body.singleResult.errors ?? []) {
          const value = e.extensions?.retryAfter;
          if (typeof value === 'number' && value > seconds) seconds = value;
        }
        if (seconds > 0) response.http.headers.set('retry-after', String(seconds));
      },
    };
  },
};
