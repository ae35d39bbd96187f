import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  type GatewayAuthConfig,
  type SubgraphAuthConfig,
} from '../../shared/auth/auth-config';
import { issueDemoTokens } from '../../shared/auth/dev-keys';
import type { RequestAuth } from '../../shared/auth/principal';
import { signRequest } from '../../shared/auth/request-signing';
import { ROLES, type Role } from '../../shared/auth/roles';

/**
 * Authentication for tests: fresh secrets per test process (never the development keys in .data), tokens
 * per role, signed requests for calling a subgraph directly, and principals for in-process operations.
 */
export const TEST_TOKEN_SECRET = randomBytes(32).toString('base64url');
export const TEST_SIGNING_SECRET = randomBytes(32).toString('base64url');
const NO_DEV_KEYS = '/nonexistent/test-must-not-use-dev-keys';

export const testSubgraphAuth: SubgraphAuthConfig = {
  signing: { secrets: [TEST_SIGNING_SECRET], windowMs: 30_000 },
  devKeyDir: NO_DEV_KEYS,
};

export const testGatewayAuth: GatewayAuthConfig = {
  keys: { kind: 'hs256', secret: TEST_TOKEN_SECRET },
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  clockToleranceSec: 5,
  rolesClaim: 'roles',
  signing: testSubgraphAuth.signing,
  devKeyDir: NO_DEV_KEYS,
};

let tokens: Promise<Record<Role, string>> | undefined;

/** A valid bearer token for a role (`sub: demo-<role>`). */
export async function tokenFor(role: Role): Promise<string> {
  tokens ??= issueDemoTokens(TEST_TOKEN_SECRET);
  return (await tokens)[role];
}

/**
 * Request headers that act as a role through the gateway; `reveal` adds `x-pii-reveal` (only roles with
 * `pii:reveal` then see unmasked personal data).
 */
export async function asRole(role: Role, reveal?: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await tokenFor(role)}`,
    ...(reveal ? { 'x-pii-reveal': reveal } : {}),
  };
}

/** The request auth a role gets from the gateway (for in-process operations and signed calls). */
export function authAs(role: Role, revealReason?: string): RequestAuth {
  return {
    principal: { subject: `test-${role}`, roles: [role], scopes: [...ROLES[role].scopes] },
    requestId: `test-${role}`,
    ...(revealReason ? { revealReason } : {}),
  };
}

/** What existing tests act as: an administrator who asked to see personal data unmasked. */
export const ADMIN_REVEALED = authAs('admin', 'test');

/** Headers that make a direct POST to a subgraph look like the gateway's (signed for `auth`). */
export function signedHeaders(
  url: string,
  body: string,
  auth: RequestAuth = ADMIN_REVEALED,
): Record<string, string> {
  const { pathname, search } = new URL(url);
  return signRequest(TEST_SIGNING_SECRET, { method: 'POST', path: pathname + search, body }, auth);
}

/** POSTs a GraphQL operation to a subgraph, signed like the gateway would sign it. */
export async function signedPost(
  url: string,
  payload: { query: string; variables?: Record<string, unknown> },
  auth: RequestAuth = ADMIN_REVEALED,
): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(url, body, auth) },
    body,
  });
}

/**
 * Production-mode authentication for services started as separate processes: an RS256 key pair whose
 * public half is written as a JWKS file under `dir`, a fresh signing secret, the environment the gateway
 * and the subgraphs need, and a token per role signed with the private key.
 */
export async function productionAuth(dir: string): Promise<{
  gatewayEnv: Record<string, string>;
  subgraphEnv: Record<string, string>;
  tokenFor(role: Role): Promise<string>;
}> {
  const issuer = 'https://idp.test.invalid/';
  const pair = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const jwksFile = path.join(dir, 'jwks.json');
  fs.writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
  const signingSecret = randomBytes(32).toString('base64url');
  const subgraphEnv = { SUBGRAPH_SIGNING_SECRET: signingSecret };
  return {
    subgraphEnv,
    gatewayEnv: {
      ...subgraphEnv,
      AUTH_JWKS_FILE: jwksFile,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: DEV_AUDIENCE,
    },
    tokenFor: (role) =>
      new SignJWT({ roles: [role] })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
        .setSubject(`test-${role}`)
        .setIssuer(issuer)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(pair.privateKey),
  };
}
