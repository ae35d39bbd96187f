// make-fetch-happen ships no types; this is the part the gateway uses (the fetch @apollo/gateway uses by default).
declare module 'make-fetch-happen' {
  import type { Agent } from 'node:http';
  import type { Fetcher } from '@apollo/utils.fetcher';

  interface MakeFetchHappenOptions {
    /** A caller-owned agent (keep-alive pool); bypasses make-fetch-happen's own agent cache. */
    agent?: Agent;
    retry?: boolean | { retries?: number };
    /** Milliseconds for the whole request. */
    timeout?: number;
  }

  interface MakeFetchHappen extends Fetcher {
    defaults(options: MakeFetchHappenOptions): MakeFetchHappen;
  }

  const fetch: MakeFetchHappen;
  export = fetch;
}
