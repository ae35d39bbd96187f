import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayAuthConfig } from '../../../shared/auth/auth-config';
import { issueDemoTokens, loadOrCreateDevKeys } from '../../../shared/auth/dev-keys';
import { encodeRequestAuth, type RequestAuth } from '../../../shared/auth/principal';
import type { Role } from '../../../shared/auth/roles';
import { createTokenVerifier, type TokenKeySource } from '../../../shared/auth/token-verifier';

/** The header a caller sends to ask for unmasked personal data, with the reason (recorded in the audit log). */
export const REVEAL_HEADER = 'x-pii-reveal';

export interface GatewayAuth {
  /** Verifies the bearer token of an incoming request; throws UNAUTHENTICATED (HTTP 401). */
  authenticate(headers: IncomingHttpHeaders): Promise<RequestAuth>;
  /** The secret the gateway signs subgraph requests with. */
  signingSecret: string;
  /** The principal header of the gateway's own requests (schema, readiness): no scopes. */
  gatewayPrincipal: string;
  /** Development only (no key source configured): a ready-made token per role. */
  demoTokens?: Record<Role, string>;
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
};

/**
 * Resolves the gateway's keys (configured, or this checkout's development keys with demo tokens) and
 * returns its authenticator. Client headers never name the actor or its roles (`x-actor-id`, `x-role`…
 * are ignored): the principal is the verified token's.
 */
export async function createGatewayAuth(config: GatewayAuthConfig): Promise<GatewayAuth> {
  const dev =
    !config.keys || !config.signing.secrets.length ? loadOrCreateDevKeys(config.devKeyDir) : undefined;
  const keys: TokenKeySource = config.keys ?? { kind: 'hs256', secret: dev!.tokenSecret };
  const verify = createTokenVerifier({ ...config, keys });
  // Demo tokens only exist with a shared HS256 secret, which production refuses (a JWKS has no private key here).
  const demoTokens =
    keys.kind === 'hs256'
      ? await issueDemoTokens(keys.secret, { issuer: config.issuer, audience: config.audience })
      : undefined;
  return {
    signingSecret: config.signing.secrets[0] ?? dev!.signingSecret,
    gatewayPrincipal: encodeRequestAuth({
      principal: { subject: 'gateway', roles: [], scopes: [] },
      requestId: 'gateway',
    }),
    demoTokens,
    async authenticate(headers) {
      const principal = await verify(header(headers, 'authorization'));
      const revealReason = header(headers, REVEAL_HEADER)?.slice(0, 500);
      return {
        principal,
        requestId: header(headers, 'x-request-id')?.slice(0, 200) ?? randomUUID(),
        ...(revealReason ? { revealReason } : {}),
      };
    },
  };
}
