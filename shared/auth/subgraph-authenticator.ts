import type { IncomingHttpHeaders } from 'node:http';
import type { SubgraphAuthConfig } from './auth-config';
import { loadOrCreateDevKeys } from './dev-keys';
import type { RequestAuth } from './principal';
import { createSignatureVerifier } from './request-signing';

/** The signing secrets in force: the configured ones, else this checkout's development key. */
export function signingSecretsOf(config: SubgraphAuthConfig): string[] {
  return config.signing.secrets.length
    ? config.signing.secrets
    : [loadOrCreateDevKeys(config.devKeyDir).signingSecret];
}

/**
 * A subgraph's gate: every GraphQL request (`_service` and `_entities` included) must carry the gateway's
 * valid, fresh, unused signature; the principal it vouches for becomes the request's `auth`.
 */
export function subgraphAuthenticator(
  config: SubgraphAuthConfig,
  now?: () => number,
): (
  req: { method: string; originalUrl: string; headers: IncomingHttpHeaders },
  rawBody: Buffer,
) => RequestAuth {
  const verify = createSignatureVerifier({
    secrets: signingSecretsOf(config),
    windowMs: config.signing.windowMs,
    now,
  });
  return (req, rawBody) => verify({ method: req.method, path: req.originalUrl, body: rawBody }, req.headers);
}
