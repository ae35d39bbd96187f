import { AppError } from '../../../shared/errors';
import type { RequestAuth } from '../../../shared/auth/principal';
import {
  createSignatureVerifier,
  NonceCache,
  SIGNATURE_HEADERS,
  signRequest,
} from '../../../shared/auth/request-signing';

const SECRET = 's'.repeat(40);
const auth: RequestAuth = {
  principal: { subject: 'demo-agent', roles: ['agent'], scopes: ['customer:read', 'pii:read'] },
  requestId: 'req-1',
};
const req = { method: 'POST', path: '/graphql', body: '{"query":"{ _service { sdl } }"}' };

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAUTHENTICATED');
    return (err as AppError).details.reason;
  }
  throw new Error('expected a failure');
}

describe('gateway → subgraph signatures', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const verifier = () => createSignatureVerifier({ secrets: [SECRET], windowMs: 30_000, now });

  it('round-trips the principal, request id and reveal reason', () => {
    const headers = signRequest(SECRET, req, { ...auth, revealReason: 'caller verified' }, now, 'nonce-0001');
    expect(verifier()(req, headers)).toEqual({ ...auth, revealReason: 'caller verified' });
  });

  it('refuses unsigned, forged, tampered, stale and replayed requests with stable reasons', () => {
    const verify = verifier();
    expect(reasonOf(() => verify(req, {}))).toBe('SIGNATURE_MISSING');
    const good = signRequest(SECRET, req, auth, now, 'nonce-0002');
    expect(reasonOf(() => verify(req, { ...good, [SIGNATURE_HEADERS.timestamp]: 'yesterday' }))).toBe(
      'SIGNATURE_MALFORMED',
    );
    const forged = signRequest('f'.repeat(40), req, auth, now, 'nonce-0003');
    expect(reasonOf(() => verify(req, forged))).toBe('SIGNATURE_INVALID');
    expect(reasonOf(() => verify({ ...req, body: '{"query":"{ x }"}' }, good))).toBe('SIGNATURE_INVALID');
    expect(reasonOf(() => verify({ ...req, path: '/other' }, good))).toBe('SIGNATURE_INVALID');
    // Another principal in the header under the original signature (privilege escalation).
    const admin = signRequest(
      SECRET,
      req,
      { ...auth, principal: { ...auth.principal, roles: ['admin'] } },
      now,
    );
    expect(
      reasonOf(() =>
        verify(req, { ...good, [SIGNATURE_HEADERS.principal]: admin[SIGNATURE_HEADERS.principal] }),
      ),
    ).toBe('SIGNATURE_INVALID');
    const old = signRequest(SECRET, req, auth, () => clock - 30_001, 'nonce-0004');
    expect(reasonOf(() => verify(req, old))).toBe('SIGNATURE_STALE');
    const future = signRequest(SECRET, req, auth, () => clock + 30_001, 'nonce-0005');
    expect(reasonOf(() => verify(req, future))).toBe('SIGNATURE_STALE');
    expect(verify(req, good).principal.subject).toBe('demo-agent');
    expect(reasonOf(() => verify(req, good))).toBe('SIGNATURE_REPLAYED');
  });

  it('accepts a previous secret during a rotation', () => {
    const verify = createSignatureVerifier({ secrets: ['n'.repeat(40), SECRET], windowMs: 30_000, now });
    expect(verify(req, signRequest(SECRET, req, auth, now)).requestId).toBe('req-1');
  });

  it('forgets nonces once their window has passed', () => {
    clock = 5_000_000;
    const verify = verifier();
    const headers = signRequest(SECRET, req, auth, now, 'nonce-0006');
    verify(req, headers);
    clock += 60_001;
    // Now stale rather than replayed: the window, not the cache, refuses it.
    expect(reasonOf(() => verify(req, headers))).toBe('SIGNATURE_STALE');
  });
});

describe('NonceCache', () => {
  it('claims once, sweeps expired nonces and stays within its bound', () => {
    const cache = new NonceCache(2);
    expect(cache.claim('a', 100, 0)).toBe(true);
    expect(cache.claim('a', 100, 50)).toBe(false);
    expect(cache.claim('b', 200, 60)).toBe(true);
    expect(cache.claim('c', 300, 70)).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.claim('b', 200, 150)).toBe(false);
    expect(cache.claim('d', 400, 250)).toBe(true);
    expect(cache.size).toBe(2);
  });
});
