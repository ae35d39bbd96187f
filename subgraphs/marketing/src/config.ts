import { z } from 'zod';
import { parseEnv } from '../../../shared/config/env';
import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';

export interface MarketingConfig extends SubgraphConfig {
  /** Region for phone numbers written without a country code when the profile gives no country. */
  defaultPhoneRegion?: string;
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
    }),
    env,
  );
  return { ...base, defaultPhoneRegion: own.MARKETING_DEFAULT_PHONE_REGION };
}
