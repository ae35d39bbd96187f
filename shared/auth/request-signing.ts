import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AuthFailure, unauthenticated } from './auth-errors';
import { decodeRequestAuth, encodeRequestAuth, type RequestAuth } from './principal';

/** Headers the gateway adds to every subgraph request. */
export const SIGNATURE_HEADERS = {
  signature: 'x-c360-signature',
  timestamp: 'x-c360-timestamp',
  nonce: 'x-c360-nonce',
  principal: 'x-c360-principal',
} as const;

/** Version prefix of the signature value, so the scheme can change without ambiguity. */
const VERSION = 'v1';

export interface SignableRequest {
  method: string;
  /** Path and query of the subgraph URL, e.g. `/graphql`. */
  path: string;
  /** The exact body bytes sent (the hash covers them). */
  body: string | Buffer;
}

/**
 * The string the HMAC covers: method, path, timestamp, nonce, the body's SHA-256 and the principal header,
 * newline-separated. Changing any of them (another body, another principal, a replay with a new
 * timestamp) breaks the signature.
 */
export function canonicalString(
  req: SignableRequest,
  timestamp: string,
  nonce: string,
  principalHeader: string,
): string {
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  return [VERSION, req.method.toUpperCase(), req.path, timestamp, nonce, bodyHash, principalHeader].join(
    '\n',
  );
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

/**
 * Signs one gateway→subgraph request for the given principal; returns the headers to add. A fresh nonce
 * per call: one client request fans out to several subgraph calls, each its own signed request.
 */
export function signRequest(
  secret: string,
  req: SignableRequest,
  auth: RequestAuth,
  now: () => number = Date.now,
  nonce: string = randomUUID(),
): Record<string, string> {
  return signatureHeaders(secret, req, encodeRequestAuth(auth), now, nonce);
}

/** `signRequest` for a principal header already encoded (the gateway's fetcher sees only headers). */
export function signatureHeaders(
  secret: string,
  req: SignableRequest,
  principalHeader: string,
  now: () => number = Date.now,
  nonce: string = randomUUID(),
): Record<string, string> {
  const timestamp = String(now());
  const mac = hmac(secret, canonicalString(req, timestamp, nonce, principalHeader));
  return {
    [SIGNATURE_HEADERS.signature]: `${VERSION}=${mac}`,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.principal]: principalHeader,
  };
}

export interface SignatureVerifierOptions {
  /** The current secret first, then previous ones still accepted while a rotation rolls out. */
  secrets: readonly string[];
  /** How far a timestamp may be from now, in milliseconds, either way. */
  windowMs: number;
  now?: () => number;
  /** Most nonces remembered; beyond it the oldest are forgotten early (bounded memory under a flood). */
  maxNonces?: number;
}

export type SignatureVerifier = (
  req: SignableRequest,
  headers: Record<string, string | string[] | undefined>,
) => RequestAuth;

/**
 * Verifies a subgraph request: signature headers present and well-formed, timestamp within the window,
 * HMAC matching one of the secrets (constant-time), nonce never seen within the window. Returns the
 * principal the gateway vouched for; throws UNAUTHENTICATED (HTTP 401) with a stable reason otherwise.
 *
 * The nonce cache lives in this process: with several replicas of a subgraph, a replay sent to another
 * replica inside the window is not caught (keep the window short; see README).
 */
export function createSignatureVerifier(options: SignatureVerifierOptions): SignatureVerifier {
  if (!options.secrets.length) throw new Error('createSignatureVerifier: no secret');
  const now = options.now ?? Date.now;
  const seen = new NonceCache(options.maxNonces ?? 200_000);
  return (req, headers) => {
    const get = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const signature = get(SIGNATURE_HEADERS.signature);
    const timestamp = get(SIGNATURE_HEADERS.timestamp);
    const nonce = get(SIGNATURE_HEADERS.nonce);
    const principal = get(SIGNATURE_HEADERS.principal);
    if (!signature && !timestamp && !nonce && !principal)
      throw unauthenticated(AuthFailure.SIGNATURE_MISSING);
    if (
      !signature?.startsWith(`${VERSION}=`) ||
      !timestamp ||
      !/^\d{1,16}$/.test(timestamp) ||
      !nonce ||
      !/^[A-Za-z0-9-]{8,128}$/.test(nonce) ||
      !principal
    ) {
      throw unauthenticated(AuthFailure.SIGNATURE_MALFORMED);
    }
    const at = now();
    if (Math.abs(at - Number(timestamp)) > options.windowMs)
      throw unauthenticated(AuthFailure.SIGNATURE_STALE);
    const given = Buffer.from(signature.slice(VERSION.length + 1), 'hex');
    const text = canonicalString(req, timestamp, nonce, principal);
    const valid = options.secrets.some((secret) => {
      const expected = Buffer.from(hmac(secret, text), 'hex');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!valid) throw unauthenticated(AuthFailure.SIGNATURE_INVALID);
    // Only a correctly signed request may claim a nonce, so forgeries cannot evict real ones.
    if (!seen.claim(nonce, Number(timestamp) + options.windowMs, at)) {
      throw unauthenticated(AuthFailure.SIGNATURE_REPLAYED);
    }
    const auth = decodeRequestAuth(principal);
    if (!auth) throw unauthenticated(AuthFailure.SIGNATURE_MALFORMED);
    return auth;
  };
}

/**
 * Nonces seen until their signature expires. A Map keeps insertion order, and timestamps arrive nearly in
 * order, so expired entries are swept from the front.
 */
export class NonceCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** True the first time a nonce is claimed (until it expires); false for a replay. */
  claim(nonce: string, expiresAt: number, now: number): boolean {
    this.sweep(now);
    if (this.expiries.has(nonce)) return false;
    if (this.expiries.size >= this.max) this.expiries.delete(this.expiries.keys().next().value!);
    this.expiries.set(nonce, expiresAt);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.expiries) {
      if (expiresAt > now) break;
      this.expiries.delete(nonce);
    }
  }
}
