import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { createTokenVerifier, type TokenVerifierOptions } from '../../../shared/auth/token-verifier';

const SECRET = 'test-secret-test-secret-test-secret-42';
const NOW = new Date('2026-03-01T12:00:00Z');
const iat = Math.floor(NOW.getTime() / 1000);
const base: TokenVerifierOptions = {
  keys: { kind: 'hs256', secret: SECRET },
  issuer: 'https://idp.example',
  audience: 'c360-api',
  clockToleranceSec: 30,
  now: () => NOW,
};

async function hsToken(
  claims: Record<string, unknown> = {},
  opts: { secret?: string; iss?: string; aud?: string; exp?: number; nbf?: number; sub?: string | null } = {},
) {
  const jwt = new SignJWT({ roles: ['agent'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(opts.iss ?? base.issuer)
    .setAudience(opts.aud ?? base.audience)
    .setIssuedAt(iat)
    .setExpirationTime(opts.exp ?? iat + 600);
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? 'user-1');
  if (opts.nbf !== undefined) jwt.setNotBefore(opts.nbf);
  return jwt.sign(new TextEncoder().encode(opts.secret ?? SECRET));
}

async function reasonOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details.reason ?? (err as AppError).code;
  }
  throw new Error('expected a failure');
}

describe('HS256 tokens', () => {
  const verify = createTokenVerifier(base);

  it('maps claims to a principal: subject, known roles only, role scopes, tenant', async () => {
    const token = await hsToken({ roles: ['agent', 'superuser'], tenant: 'acme' });
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: 'user-1',
      roles: ['agent'],
      scopes: ['customer:read', 'pii:read', 'support:read', 'support:write'],
      tenant: 'acme',
    });
  });

  it('takes explicit scopes only for the service role, and only known ones', async () => {
    const service = await hsToken({ roles: ['service'], scope: 'customer:read admin:all analytics:read' });
    expect((await verify(`Bearer ${service}`)).scopes).toEqual(['analytics:read', 'customer:read']);
    const agentWithScope = await hsToken({ roles: 'agent', scope: 'gdpr:erase' });
    expect((await verify(`Bearer ${agentWithScope}`)).scopes).not.toContain('gdpr:erase');
  });

  it('accepts expiry within the clock skew and rejects beyond it', async () => {
    expect((await verify(`Bearer ${await hsToken({}, { exp: iat - 20 })}`)).subject).toBe('user-1');
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { exp: iat - 31 })}`))).toBe('TOKEN_EXPIRED');
  });

  it.each([
    ['no header', undefined, 'TOKEN_MISSING'],
    ['empty header', '  ', 'TOKEN_MISSING'],
    ['not Bearer', 'Basic dXNlcjpwYXNz', 'TOKEN_MALFORMED'],
    ['role header-style token', 'Bearer role=agent', 'TOKEN_MALFORMED'],
    ['garbage', 'Bearer abc.def.ghi', 'TOKEN_MALFORMED'],
  ])('%s → %s', async (_name, header, reason) => {
    expect(await reasonOf(verify(header))).toBe(reason);
  });

  it('names each claim failure', async () => {
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { secret: 'x'.repeat(40) })}`))).toBe(
      'TOKEN_BAD_SIGNATURE',
    );
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { aud: 'other' })}`))).toBe(
      'TOKEN_WRONG_AUDIENCE',
    );
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { iss: 'https://evil' })}`))).toBe(
      'TOKEN_WRONG_ISSUER',
    );
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { nbf: iat + 120 })}`))).toBe(
      'TOKEN_NOT_YET_VALID',
    );
    expect(await reasonOf(verify(`Bearer ${await hsToken({}, { sub: null })}`))).toBe('TOKEN_CLAIMS_INVALID');
  });

  it('rejects alg none and a token whose payload was edited', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'x', roles: ['admin'], iss: base.issuer, aud: base.audience, exp: iat + 60 }),
    ).toString('base64url');
    expect(await reasonOf(verify(`Bearer ${header}.${payload}.`))).toBe('TOKEN_BAD_SIGNATURE');
    const [h, , s] = (await hsToken()).split('.');
    expect(await reasonOf(verify(`Bearer ${h}.${payload}.${s}`))).toBe('TOKEN_BAD_SIGNATURE');
  });
});

describe('JWKS file', () => {
  let dir: string;
  let privateKey: KeyLike;
  let options: TokenVerifierOptions;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
    fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    options = { ...base, keys: { kind: 'jwks-file', path: path.join(dir, 'jwks.json') } };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rsToken = (kid: string) =>
    new SignJWT({ roles: ['analyst'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('ana')
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setExpirationTime(iat + 60)
      .sign(privateKey);

  it('verifies a token signed by a key of the set', async () => {
    expect((await createTokenVerifier(options)(`Bearer ${await rsToken('k1')}`)).roles).toEqual(['analyst']);
  });

  it('rejects an unknown kid and an HS256 token made with the public key material', async () => {
    const verify = createTokenVerifier(options);
    expect(await reasonOf(verify(`Bearer ${await rsToken('k2')}`))).toBe('TOKEN_UNKNOWN_KEY');
    expect(await reasonOf(verify(`Bearer ${await hsToken()}`))).toBe('TOKEN_BAD_SIGNATURE');
  });
});
