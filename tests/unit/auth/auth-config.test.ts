import { jwtVerify } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGatewayAuthConfig, loadSubgraphAuthConfig } from '../../../shared/auth/auth-config';
import { issueDemoTokens, loadOrCreateDevKeys } from '../../../shared/auth/dev-keys';
import { createTokenVerifier } from '../../../shared/auth/token-verifier';

const S = 'x'.repeat(32);

describe('auth configuration', () => {
  it('refuses to start in production without a JWKS, an issuer and a signing secret', () => {
    expect(() => loadGatewayAuthConfig({}, 'production')).toThrow(
      /AUTH_JWKS_URL or AUTH_JWKS_FILE[\s\S]*AUTH_ISSUER[\s\S]*SUBGRAPH_SIGNING_SECRET/,
    );
    expect(() =>
      loadGatewayAuthConfig(
        { AUTH_HS256_SECRET: S, AUTH_ISSUER: 'i', SUBGRAPH_SIGNING_SECRET: S },
        'production',
      ),
    ).toThrow(/shared secret is for local use/);
    expect(() => loadSubgraphAuthConfig({}, 'production')).toThrow(/SUBGRAPH_SIGNING_SECRET: required/);
  });

  it('reads a production setup', () => {
    const c = loadGatewayAuthConfig(
      {
        AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
        AUTH_ISSUER: 'https://idp.example/',
        AUTH_AUDIENCE: 'c360',
        SUBGRAPH_SIGNING_SECRET: S,
        SUBGRAPH_SIGNING_PREVIOUS_SECRETS: `${'y'.repeat(32)}, ${'z'.repeat(32)}`,
        SUBGRAPH_SIGNATURE_WINDOW_SECONDS: '10',
      },
      'production',
    );
    expect(c).toMatchObject({
      keys: { kind: 'jwks-url', url: 'https://idp.example/.well-known/jwks.json' },
      issuer: 'https://idp.example/',
      audience: 'c360',
      clockToleranceSec: 30,
      signing: { secrets: [S, 'y'.repeat(32), 'z'.repeat(32)], windowMs: 10_000 },
    });
  });

  it('rejects short secrets and two key sources', () => {
    expect(() => loadSubgraphAuthConfig({ SUBGRAPH_SIGNING_SECRET: 'short' }, 'development')).toThrow(
      /at least 32 characters/,
    );
    expect(() =>
      loadGatewayAuthConfig({ AUTH_HS256_SECRET: S, AUTH_JWKS_FILE: '/k.json' }, 'development'),
    ).toThrow(/only one of/);
  });

  it('falls back to development keys outside production', () => {
    const c = loadGatewayAuthConfig({}, 'development');
    expect(c.keys).toBeUndefined();
    expect(c.signing.secrets).toEqual([]);
    expect(c.devKeyDir).toMatch(/\.data[\\/]auth$/);
  });
});

describe('development keys and demo tokens', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devkeys-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the keys once (mode 0600) and reads the same keys back', () => {
    const first = loadOrCreateDevKeys(path.join(dir, 'auth'));
    expect(first.tokenSecret).not.toBe(first.signingSecret);
    expect(fs.statSync(path.join(dir, 'auth', 'dev-keys.json')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateDevKeys(path.join(dir, 'auth'))).toEqual(first);
  });

  it('issues one verifiable token per role', async () => {
    const { tokenSecret } = loadOrCreateDevKeys(path.join(dir, 'auth'));
    const tokens = await issueDemoTokens(tokenSecret);
    const verify = createTokenVerifier({
      ...loadGatewayAuthConfig({}, 'development'),
      keys: { kind: 'hs256', secret: tokenSecret },
    });
    expect(Object.keys(tokens)).toEqual(['agent', 'marketer', 'analyst', 'admin', 'service']);
    expect(await verify(`Bearer ${tokens.service}`)).toEqual({
      subject: 'demo-service',
      roles: ['service'],
      scopes: ['analytics:read', 'customer:read'],
    });
    expect((await verify(`Bearer ${tokens.admin}`)).scopes).toContain('gdpr:erase');
    const { payload } = await jwtVerify(tokens.agent, new TextEncoder().encode(tokenSecret));
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
  });
});
