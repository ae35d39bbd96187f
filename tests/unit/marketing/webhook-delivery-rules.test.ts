import { createHmac } from 'node:crypto';
import { nextRetryDelay } from '../../../subgraphs/marketing/src/webhook/webhook.retry';
import {
  isValidSecret,
  sign,
  signedHeaders,
  verify,
} from '../../../subgraphs/marketing/src/webhook/webhook.signature';
import { checkTarget, isForbiddenAddress } from '../../../subgraphs/marketing/src/webhook/webhook.target';

// The Standard Webhooks specification's published example (secret, id, timestamp, body → signature).
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SPEC_TS = 1614265330;
const SPEC_BODY = '{"test": 2432232314}';
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('Standard Webhooks signature', () => {
  it('reproduces the specification example', () => {
    expect(sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY)).toBe(SPEC_SIGNATURE);
  });

  it('is HMAC-SHA256 over id.timestamp.body with the base64-decoded key', () => {
    const key = Buffer.from(SPEC_SECRET.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`m1.1700000000.{}`).digest('base64');
    expect(sign(SPEC_SECRET, 'm1', 1700000000, '{}')).toBe(`v1,${mac}`);
  });

  it('verifies its own headers, and refuses a changed body, another secret, or a stale timestamp', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const headers = { ...signedHeaders(SPEC_SECRET, 'evt_1', at, '{"a":1}') };
    expect(headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    expect(verify(SPEC_SECRET, headers, '{"a":1}', at)).toBe(true);
    expect(verify(SPEC_SECRET, headers, '{"a":2}', at)).toBe(false);
    expect(verify('whsec_' + Buffer.alloc(24, 7).toString('base64'), headers, '{"a":1}', at)).toBe(false);
    expect(verify(SPEC_SECRET, headers, '{"a":1}', new Date(at.getTime() + 301_000))).toBe(false);
    // Several signatures (key rotation): one match is enough.
    expect(
      verify(
        SPEC_SECRET,
        { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` },
        '{"a":1}',
        at,
      ),
    ).toBe(true);
  });

  it('accepts only whsec_ secrets of 16–64 key bytes', () => {
    expect(isValidSecret(SPEC_SECRET)).toBe(true);
    expect(isValidSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(false);
    expect(isValidSecret('whsec_' + Buffer.alloc(8).toString('base64'))).toBe(false);
    expect(isValidSecret('whsec_not base64!')).toBe(false);
  });
});

describe('retry schedule', () => {
  const policy = { baseMs: 1000, capMs: 60_000, maxAttempts: 5 };

  it('grows exponentially up to the cap, jittered over [0, ceiling)', () => {
    expect([1, 2, 3, 4].map((n) => nextRetryDelay(n, policy, () => 0.999999))).toEqual([
      999, 1999, 3999, 7999,
    ]);
    expect(nextRetryDelay(1, policy, () => 0)).toBe(0);
    expect(nextRetryDelay(4, { ...policy, capMs: 3000 }, () => 0.5)).toBe(1500);
  });

  it('gives up (dead letter) after maxAttempts', () => {
    expect(nextRetryDelay(5, policy, () => 0.5)).toBeNull();
  });
});

describe('SSRF guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
    ['not-an-ip', true],
  ])('%s forbidden: %s', (address, expected) => {
    expect(isForbiddenAddress(address)).toBe(expected);
  });

  it('resolves names and refuses when any address is private', async () => {
    const resolve = async (host: string) =>
      ({ 'hooks.example': ['93.184.216.34'], 'sneaky.example': ['93.184.216.34', '10.0.0.5'] })[host] ?? [];
    expect(await checkTarget('https://hooks.example/x', { allowPrivate: false, resolve })).toMatchObject({
      ok: true,
    });
    expect(await checkTarget('https://sneaky.example/x', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: 'resolves to a private, loopback or link-local address (10.0.0.5)',
    });
    expect(await checkTarget('http://[::1]:8080/', { allowPrivate: false, resolve })).toMatchObject({
      ok: false,
    });
    expect(await checkTarget('https://nowhere.example/', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: 'host nowhere.example does not resolve',
    });
    expect(await checkTarget('ftp://hooks.example/', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: 'must be http(s)',
    });
    expect(await checkTarget('https://u:p@hooks.example/', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: 'must not carry credentials',
    });
    // Development and tests may target a local receiver.
    expect(await checkTarget('http://127.0.0.1:9999/hook', { allowPrivate: true, resolve })).toMatchObject({
      ok: true,
    });
  });
});
