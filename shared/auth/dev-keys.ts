import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from './auth-config';
import { ROLE_NAMES, type Role } from './roles';
import { SCOPES } from './scopes';

/** Secrets of a development install, shared by the gateway and the subgraphs through `.data/auth`. */
export interface DevKeys {
  /** HS256 secret of development tokens. */
  tokenSecret: string;
  /** HMAC secret of gateway→subgraph signatures. */
  signingSecret: string;
}

const FILE = 'dev-keys.json';

/**
 * Reads the development keys, creating them (random, 256 bits each, file mode 0600) on first use. Every
 * process of one checkout sees the same keys, so a gateway and subgraphs started separately agree.
 * Never used in production (the configuration refuses to start without real keys).
 */
export function loadOrCreateDevKeys(dir: string): DevKeys {
  const file = path.join(dir, FILE);
  try {
    const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as DevKeys;
    if (keys.tokenSecret?.length >= 32 && keys.signingSecret?.length >= 32) return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const keys: DevKeys = {
    tokenSecret: randomBytes(32).toString('base64url'),
    signingSecret: randomBytes(32).toString('base64url'),
  };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // `wx`: when two processes start at once, the second reads the first one's keys instead.
  try {
    fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateDevKeys(dir);
    throw err;
  }
}

/** Scopes of the demo `service` token: a read-only machine client. */
export const DEMO_SERVICE_SCOPES = [SCOPES.CUSTOMER_READ, SCOPES.ANALYTICS_READ];

/**
 * One ready-made token per role (`sub: demo-<role>`), signed with the development HS256 secret, valid for
 * `ttlSec` (default 12 h). Printed by `npm start`; Sandbox sends the agent's by default.
 */
export async function issueDemoTokens(
  tokenSecret: string,
  options: { issuer?: string; audience?: string; ttlSec?: number; now?: Date } = {},
): Promise<Record<Role, string>> {
  const key = new TextEncoder().encode(tokenSecret);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const out = {} as Record<Role, string>;
  for (const role of ROLE_NAMES) {
    out[role] = await new SignJWT({
      roles: [role],
      ...(role === 'service' ? { scope: DEMO_SERVICE_SCOPES.join(' ') } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(`demo-${role}`)
      .setIssuer(options.issuer ?? DEV_ISSUER)
      .setAudience(options.audience ?? DEV_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.ttlSec ?? 12 * 3600))
      .sign(key);
  }
  return out;
}
