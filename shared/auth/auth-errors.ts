import { AppError, ErrorCode } from '../errors';

/**
 * Why a request was not authenticated. Stable: clients and tests switch on `extensions.reason`
 * (`extensions.code` is always UNAUTHENTICATED, HTTP 401).
 */
export enum AuthFailure {
  /** No `Authorization: Bearer …` header. */
  TOKEN_MISSING = 'TOKEN_MISSING',
  /** Not a compact JWS, not JSON, or not a Bearer token. */
  TOKEN_MALFORMED = 'TOKEN_MALFORMED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  /** `nbf` / `iat` in the future beyond the allowed clock skew. */
  TOKEN_NOT_YET_VALID = 'TOKEN_NOT_YET_VALID',
  /** Signature does not verify, or an algorithm we do not accept (e.g. `none`). */
  TOKEN_BAD_SIGNATURE = 'TOKEN_BAD_SIGNATURE',
  /** No key in the JWKS matches the token's `kid`. */
  TOKEN_UNKNOWN_KEY = 'TOKEN_UNKNOWN_KEY',
  TOKEN_WRONG_AUDIENCE = 'TOKEN_WRONG_AUDIENCE',
  TOKEN_WRONG_ISSUER = 'TOKEN_WRONG_ISSUER',
  /** A required claim (`sub`, `exp`) is missing or has the wrong type. */
  TOKEN_CLAIMS_INVALID = 'TOKEN_CLAIMS_INVALID',
  /** A subgraph received a request without the gateway's signature headers. */
  SIGNATURE_MISSING = 'SIGNATURE_MISSING',
  /** Signature headers present but unreadable (bad timestamp, nonce or principal). */
  SIGNATURE_MALFORMED = 'SIGNATURE_MALFORMED',
  /** The HMAC does not match (forged, or body / principal changed on the way). */
  SIGNATURE_INVALID = 'SIGNATURE_INVALID',
  /** Timestamp outside the accepted window. */
  SIGNATURE_STALE = 'SIGNATURE_STALE',
  /** The same signed request was seen before. */
  SIGNATURE_REPLAYED = 'SIGNATURE_REPLAYED',
}

const MESSAGES: Record<AuthFailure, string> = {
  TOKEN_MISSING: 'Authentication required: send Authorization: Bearer <token>',
  TOKEN_MALFORMED: 'The bearer token is not a well-formed JWT',
  TOKEN_EXPIRED: 'The bearer token has expired',
  TOKEN_NOT_YET_VALID: 'The bearer token is not valid yet',
  TOKEN_BAD_SIGNATURE: 'The bearer token signature is invalid',
  TOKEN_UNKNOWN_KEY: 'The bearer token was signed with an unknown key',
  TOKEN_WRONG_AUDIENCE: 'The bearer token is not meant for this API (audience)',
  TOKEN_WRONG_ISSUER: 'The bearer token comes from an issuer this API does not trust',
  TOKEN_CLAIMS_INVALID: 'The bearer token lacks a required claim',
  SIGNATURE_MISSING: 'This service only accepts requests signed by the gateway',
  SIGNATURE_MALFORMED: 'The request signature headers are malformed',
  SIGNATURE_INVALID: 'The request signature is invalid',
  SIGNATURE_STALE: 'The request signature has expired',
  SIGNATURE_REPLAYED: 'The signed request was already used',
};

/** An authentication failure: UNAUTHENTICATED with a stable `reason`, answered with HTTP 401. */
export const unauthenticated = (reason: AuthFailure) =>
  new AppError(ErrorCode.UNAUTHENTICATED, MESSAGES[reason], { reason });
