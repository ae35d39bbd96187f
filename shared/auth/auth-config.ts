import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../config/env';
import type { TokenKeySource } from './token-verifier';

/** Where development keys live when no key source is configured (gitignored, like the demo database). */
export const DEFAULT_DEV_KEY_DIR = path.resolve(__dirname, '../../.data/auth');

/** Issuer and audience of development tokens; a real deployment names its identity provider's. */
export const DEV_ISSUER = 'c360-dev';
export const DEV_AUDIENCE = 'c360-api';

export interface SigningConfig {
  /** Current secret first, then previous ones still accepted during a rotation. Empty: development keys. */
  secrets: string[];
  /** Accepted distance of a signature's timestamp from now. */
  windowMs: number;
}

export interface GatewayAuthConfig {
  /** Unset: development keys from `devKeyDir` (HS256, demo tokens printed by `npm start`). */
  keys?: TokenKeySource;
  issuer: string;
  audience: string;
  clockToleranceSec: number;
  rolesClaim: string;
  signing: SigningConfig;
  /** Used only when keys or the signing secret are not configured (never in production). */
  devKeyDir: string;
}

const secret = (name: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .refine((v) => v === undefined || v.length >= 32, `${name} must be at least 32 characters`);

const signingSchema = {
  SUBGRAPH_SIGNING_SECRET: secret('SUBGRAPH_SIGNING_SECRET'),
  SUBGRAPH_SIGNING_PREVIOUS_SECRETS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((s) => s.length >= 32),
      'every previous secret must be at least 32 characters',
    ),
  SUBGRAPH_SIGNATURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  AUTH_DEV_KEY_DIR: z.string().optional(),
};

type NodeEnv = 'development' | 'production' | 'test';

function signingOf(e: {
  SUBGRAPH_SIGNING_SECRET?: string;
  SUBGRAPH_SIGNING_PREVIOUS_SECRETS: string[];
  SUBGRAPH_SIGNATURE_WINDOW_SECONDS: number;
}): SigningConfig {
  return {
    secrets: e.SUBGRAPH_SIGNING_SECRET
      ? [e.SUBGRAPH_SIGNING_SECRET, ...e.SUBGRAPH_SIGNING_PREVIOUS_SECRETS]
      : [],
    windowMs: e.SUBGRAPH_SIGNATURE_WINDOW_SECONDS * 1000,
  };
}

function refuseInProduction(nodeEnv: NodeEnv, missing: string[]): void {
  if (nodeEnv === 'production' && missing.length) {
    throw new Error(
      `Invalid configuration:\n${missing.map((m) => `  ${m}`).join('\n')}\n` +
        '  (production never falls back to development keys)',
    );
  }
}

/**
 * The gateway's authentication settings. Production refuses to start without a JWKS (URL or file), an
 * issuer and a signing secret; elsewhere anything missing falls back to development keys in `.data/auth`.
 */
export function loadGatewayAuthConfig(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv): GatewayAuthConfig {
  const e = parseEnv(
    z.object({
      ...signingSchema,
      AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
      AUTH_JWKS_FILE: z.string().optional(),
      AUTH_HS256_SECRET: secret('AUTH_HS256_SECRET'),
      AUTH_ISSUER: z.string().optional(),
      AUTH_AUDIENCE: z.string().default(DEV_AUDIENCE),
      AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
      AUTH_ROLES_CLAIM: z
        .string()
        .regex(/^[A-Za-z0-9_:/.-]+$/)
        .default('roles'),
    }),
    env,
  );
  const sources = [
    e.AUTH_JWKS_URL && ({ kind: 'jwks-url', url: e.AUTH_JWKS_URL } as const),
    e.AUTH_JWKS_FILE && ({ kind: 'jwks-file', path: e.AUTH_JWKS_FILE } as const),
    e.AUTH_HS256_SECRET && ({ kind: 'hs256', secret: e.AUTH_HS256_SECRET } as const),
  ].filter((s): s is TokenKeySource => Boolean(s));
  if (sources.length > 1) {
    throw new Error(
      'Invalid configuration:\n  set only one of AUTH_JWKS_URL, AUTH_JWKS_FILE, AUTH_HS256_SECRET',
    );
  }
  const keys = sources[0];
  refuseInProduction(
    nodeEnv,
    [
      !keys && 'AUTH_JWKS_URL or AUTH_JWKS_FILE: required (where token signing keys come from)',
      keys?.kind === 'hs256' && 'AUTH_HS256_SECRET: a shared secret is for local use; use a JWKS',
      !e.AUTH_ISSUER && 'AUTH_ISSUER: required (the identity provider tokens must come from)',
      !e.SUBGRAPH_SIGNING_SECRET && 'SUBGRAPH_SIGNING_SECRET: required (signs gateway→subgraph calls)',
    ].filter((m): m is string => Boolean(m)),
  );
  return {
    keys,
    issuer: e.AUTH_ISSUER ?? DEV_ISSUER,
    audience: e.AUTH_AUDIENCE,
    clockToleranceSec: e.AUTH_CLOCK_SKEW_SECONDS,
    rolesClaim: e.AUTH_ROLES_CLAIM,
    signing: signingOf(e),
    devKeyDir: e.AUTH_DEV_KEY_DIR ?? DEFAULT_DEV_KEY_DIR,
  };
}

export interface SubgraphAuthConfig {
  signing: SigningConfig;
  devKeyDir: string;
}

/** A subgraph's side: the secret(s) to verify the gateway's signature; required in production. */
export function loadSubgraphAuthConfig(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv): SubgraphAuthConfig {
  const e = parseEnv(z.object(signingSchema), env);
  refuseInProduction(
    nodeEnv,
    e.SUBGRAPH_SIGNING_SECRET ? [] : ['SUBGRAPH_SIGNING_SECRET: required (verifies the gateway’s calls)'],
  );
  return { signing: signingOf(e), devKeyDir: e.AUTH_DEV_KEY_DIR ?? DEFAULT_DEV_KEY_DIR };
}
