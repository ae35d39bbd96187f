import fs from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError, ErrorCode } from '../errors';
import { AuthFailure, unauthenticated } from './auth-errors';
import type { Principal } from './principal';
import { isRole, scopesOf } from './roles';
import { isScope } from './scopes';

/** Where token signing keys come from: exactly one of these. */
export type TokenKeySource =
  { kind: 'jwks-url'; url: string } | { kind: 'jwks-file'; path: string } | { kind: 'hs256'; secret: string };

export interface TokenVerifierOptions {
  keys: TokenKeySource;
  issuer: string;
  audience: string;
  /** Allowed clock difference with the issuer, in seconds (exp, nbf, iat). */
  clockToleranceSec: number;
  /** Claim holding the roles (array or space-separated string); default `roles`. */
  rolesClaim?: string;
  /** Seconds since the epoch, for tests; defaults to the system clock. */
  now?: () => Date;
}

/** Asymmetric algorithms accepted from a JWKS; `none` and HMAC with a public key are never accepted. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

/**
 * Verifies `Authorization: Bearer <jwt>` with jose and maps the claims to a principal:
 * `sub` → subject, roles claim → roles (unknown roles dropped), `scope`/`scp` → explicit scopes (only a
 * `service` role uses them), `tenant`/`tid` → tenant. Every failure is UNAUTHENTICATED with a stable reason.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { key, algorithms } = keyOf(options.keys);
  const rolesClaim = options.rolesClaim ?? 'roles';
  return async (authorization) => {
    const token = bearerToken(authorization);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockToleranceSec,
        algorithms,
        requiredClaims: ['sub', 'exp'],
        currentDate: options.now?.(),
      }));
    } catch (err) {
      throw mapJoseError(err);
    }
    return principalOf(payload, rolesClaim);
  };
}

function keyOf(source: TokenKeySource): { key: JWTVerifyGetKey | Uint8Array; algorithms: string[] } {
  switch (source.kind) {
    case 'hs256':
      return { key: new TextEncoder().encode(source.secret), algorithms: ['HS256'] };
    case 'jwks-file':
      return {
        key: createLocalJWKSet(JSON.parse(fs.readFileSync(source.path, 'utf8'))),
        algorithms: JWKS_ALGORITHMS,
      };
    case 'jwks-url':
      // jose caches the set, refetches on an unknown `kid` (at most every 30 s) and times out after 5 s.
      return { key: createRemoteJWKSet(new URL(source.url)), algorithms: JWKS_ALGORITHMS };
  }
}

function bearerToken(authorization: string | undefined): string {
  if (!authorization?.trim()) throw unauthenticated(AuthFailure.TOKEN_MISSING);
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated(AuthFailure.TOKEN_MALFORMED);
  return match[1];
}

function principalOf(payload: JWTPayload, rolesClaim: string): Principal {
  if (typeof payload.sub !== 'string' || !payload.sub.trim()) {
    throw unauthenticated(AuthFailure.TOKEN_CLAIMS_INVALID);
  }
  const roles = [...new Set(listClaim(payload[rolesClaim]).filter(isRole))].sort();
  const explicit = [...listClaim(payload.scope), ...listClaim(payload.scp)].filter(isScope);
  const tenant = [payload.tenant, payload.tid].find((t): t is string => typeof t === 'string');
  return {
    subject: payload.sub.trim().slice(0, 200),
    roles,
    scopes: scopesOf(roles, explicit),
    ...(tenant ? { tenant } : {}),
  };
}

/** A claim given as an array of strings or as one space-separated string (OAuth2 `scope`). */
function listClaim(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function mapJoseError(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  const claim = (err as { claim?: string }).claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated(AuthFailure.TOKEN_EXPIRED);
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'aud') return unauthenticated(AuthFailure.TOKEN_WRONG_AUDIENCE);
      if (claim === 'iss') return unauthenticated(AuthFailure.TOKEN_WRONG_ISSUER);
      if (claim === 'nbf' || claim === 'iat') return unauthenticated(AuthFailure.TOKEN_NOT_YET_VALID);
      return unauthenticated(AuthFailure.TOKEN_CLAIMS_INVALID);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return unauthenticated(AuthFailure.TOKEN_BAD_SIGNATURE);
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthenticated(AuthFailure.TOKEN_UNKNOWN_KEY);
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return unauthenticated(AuthFailure.TOKEN_MALFORMED);
    default:
      // Other jose errors are about the token; anything else (JWKS unreachable, timed out or invalid) is
      // our outage, not the caller's fault.
      if (typeof code === 'string' && code.startsWith('ERR_J') && !code.startsWith('ERR_JWKS')) {
        return unauthenticated(AuthFailure.TOKEN_MALFORMED);
      }
      return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The identity provider keys are unavailable', {
        serviceName: 'identity-provider',
      });
  }
}
