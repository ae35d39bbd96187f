import { createHash } from 'node:crypto';
import type {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../../shared/auth/principal';
import { ErrorCode } from '../../../shared/errors';
import { applyRemovals, authorizeOperation, type AuthorizedOperation } from './operation-authorization';
import type { AccessRules } from './supergraph-policy';

/** Filtered operations kept per (operation, scopes); the same query from the same role reuses its result. */
const CACHE_SIZE = 2000;

/**
 * Wraps @apollo/gateway (which ignores `@authenticated` / `@requiresScopes`) so every operation is
 * authorized against the supergraph's directives before it is planned: forbidden fields are removed, the
 * rest is executed, and the response carries null plus a FORBIDDEN error with the field path for each —
 * Apollo Router's semantics. A filtered operation gets its own query-plan cache key.
 */
export function authorizingGateway(
  inner: GatewayInterface,
  rules: AccessRules,
  principalOf: (context: Record<string, unknown>) => Principal | undefined,
): GatewayInterface {
  const cache = new Map<string, AuthorizedOperation>();
  const authorize = (rc: GatewayGraphQLRequestContext, principal: Principal | undefined) => {
    const key = `${rc.queryHash}\n${rc.request.operationName ?? ''}\n${principal?.scopes.join(' ') ?? '-'}`;
    let out = cache.get(key);
    if (!out) {
      out = authorizeOperation(rc.schema, rules, principal, rc.document!, rc.request.operationName);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, out);
    }
    return { out, key };
  };
  return {
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    stop: () => inner.stop(),
    async load(options) {
      const loaded = await inner.load(options);
      const execute = loaded.executor;
      if (!execute) return loaded;
      const executor: GatewayExecutor = async (rc) => {
        const principal = principalOf(rc.context);
        if (!principal) {
          // The HTTP layer authenticates first; reaching here without a principal is a wiring bug.
          return {
            errors: [
              new GraphQLError('Not authenticated', { extensions: { code: ErrorCode.UNAUTHENTICATED } }),
            ],
          };
        }
        const { out, key } = authorize(rc, principal);
        if (!out.removals.length) return execute(rc);
        const result = out.empty
          ? { data: {} as Record<string, unknown> }
          : await execute({
              ...rc,
              document: out.document,
              queryHash: createHash('sha256').update(key).digest('hex'),
            });
        const data = (result.data ?? null) as Record<string, unknown> | null;
        const forbidden = applyRemovals(data, out.removals);
        const nulledRoot = out.removals.some((r) => r.nullPath.length === 0);
        return {
          ...result,
          data: nulledRoot ? null : data,
          errors: [
            ...forbidden.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })),
            ...(result.errors ?? []),
          ],
        };
      };
      return { ...loaded, executor };
    },
  };
}
