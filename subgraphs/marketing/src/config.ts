import { z } from 'zod';
import { parseEnv } from '../../../shared/config/env';
import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';

export interface MarketingConfig extends SubgraphConfig {
  /** Region for phone numbers written without a country code when the profile gives no country. */
  defaultPhoneRegion?: string;
  /** Attribution: days of touchpoints an order looks back over, and the time-decay half-life. */
  attribution: { lookbackDays: number; halfLifeDays: number };
}

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
    }),
    env,
  );
  return {
    ...base,
    defaultPhoneRegion: own.MARKETING_DEFAULT_PHONE_REGION,
    attribution: {
      lookbackDays: own.MARKETING_ATTRIBUTION_LOOKBACK_DAYS,
      halfLifeDays: own.MARKETING_ATTRIBUTION_HALF_LIFE_DAYS,
    },
  };
}
