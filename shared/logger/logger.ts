import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino): cheap on the hot path and readable by any log pipeline. */
export function createLogger(name: string, level: string = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials or personal data that may ride along in headers.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password'], remove: true },
  });
}
