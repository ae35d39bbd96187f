import { z } from 'zod';
import { parseEnv } from '../../../shared/config/env';
import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';
import type { CountryCode } from 'libphonenumber-js';
import {
  BLOCKING_RULE_NAMES,
  IdentityInputError,
  resolveIdentityConfig,
  type IdentityConfig,
  type IdentityConfigInput,
} from './identity';

export interface MarketingConfig extends SubgraphConfig {
  /** Region for phone numbers written without a country code when the profile gives no country. */
  defaultPhoneRegion?: string;
  /** Attribution: days of touchpoints an order looks back over, and the time-decay half-life. */
  attribution: { lookbackDays: number; halfLifeDays: number };
  /** The identity engine's settings: defaults with the MARKETING_IDENTITY_* overrides, validated. */
  identity: IdentityConfig;
}

const probability = z.coerce
  .number()
  .gt(0, 'must be a probability strictly between 0 and 1')
  .lt(1, 'must be a probability strictly between 0 and 1')
  .optional();

/** The only reader of `process.env` in this service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): MarketingConfig {
  const base = loadSubgraphConfig('marketing', { port: 4001, dbName: 'c360_marketing' }, env);
  const own = parseEnv(
    z.object({
      MARKETING_DEFAULT_PHONE_REGION: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as HU')
        .transform((v) => v.toUpperCase())
        .optional(),
      MARKETING_ATTRIBUTION_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
      MARKETING_ATTRIBUTION_HALF_LIFE_DAYS: z.coerce.number().positive().max(365).default(7),
      MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD: probability,
      MARKETING_IDENTITY_REVIEW_THRESHOLD: probability,
      MARKETING_IDENTITY_CONFLICT_REVIEW: z.enum(['score', 'shared-identifier', 'never']).optional(),
      MARKETING_IDENTITY_BLOCKING_RULES: z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
        )
        .refine((rules) => rules.length > 0 && rules.every((r) => BLOCKING_RULE_NAMES.includes(r)), {
          message: `must be a comma-separated list of ${BLOCKING_RULE_NAMES.join(', ')}`,
        })
        .optional(),
      MARKETING_IDENTITY_MAX_BLOCK_SIZE: z.coerce.number().int().min(2).max(100_000).optional(),
    }),
    env,
  );
  const identity = identityConfig({
    thresholds: defined({
      autoMerge: own.MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD,
      review: own.MARKETING_IDENTITY_REVIEW_THRESHOLD,
    }),
    conflicts: defined({ review: own.MARKETING_IDENTITY_CONFLICT_REVIEW }),
    blocking: defined({
      rules: own.MARKETING_IDENTITY_BLOCKING_RULES,
      maxBlockSize: own.MARKETING_IDENTITY_MAX_BLOCK_SIZE,
    }),
    phone: defined({ defaultRegion: own.MARKETING_DEFAULT_PHONE_REGION as CountryCode | undefined }),
  });
  return {
    ...base,
    identity,
    defaultPhoneRegion: own.MARKETING_DEFAULT_PHONE_REGION,
    attribution: {
      lookbackDays: own.MARKETING_ATTRIBUTION_LOOKBACK_DAYS,
      halfLifeDays: own.MARKETING_ATTRIBUTION_HALF_LIFE_DAYS,
    },
  };
}

/** Unset variables are left out, so the engine's defaults apply to them. */
function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

const IDENTITY_VARIABLES: Record<string, string> = {
  'thresholds.autoMerge': 'MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD',
  'thresholds.review': 'MARKETING_IDENTITY_REVIEW_THRESHOLD',
};

/** The engine's own checks (review ≤ autoMerge) apply too, and fail start-up like a bad variable. */
function identityConfig(input: IdentityConfigInput): IdentityConfig {
  try {
    return resolveIdentityConfig(input);
  } catch (err) {
    if (!(err instanceof IdentityInputError)) throw err;
    const variable = IDENTITY_VARIABLES[err.extensions.field] ?? err.extensions.field;
    throw new Error(`Invalid configuration:\n  ${variable}: ${err.message}`, { cause: err });
  }
}
