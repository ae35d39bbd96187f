import { z } from 'zod';

/**
 * Parses an environment object against a zod schema and fails with one readable message listing
 * every bad variable. Each service's `config.ts` calls this once; nothing else reads `process.env`.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** A TCP port; 0 asks the OS for a free one (tests). */
export const portSchema = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Booleans from env strings: only `true/1/yes` are true, so a typo never silently enables a feature. */
export const booleanSchema = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

export const nodeEnvSchema = z.enum(['development', 'production', 'test']).default('development');

export const logLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/**
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the OpenTelemetry name): an OTLP/HTTP traces URL turns tracing on;
 * unset, nothing is traced or sent.
 */
export const otlpTracesUrlSchema = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional());

/** Treats an empty string like an unset variable (docker-compose often passes `VAR=`). */
export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
