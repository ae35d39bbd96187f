import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ComposeService {
  image?: string;
  build?: unknown;
  entrypoint?: string[];
  command?: string[];
  ports?: string[];
  profiles?: string[];
  restart?: string;
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

export interface ComposeFile {
  name?: string;
  version?: string;
  services: Record<string, ComposeService>;
}

/** docker-compose.yml with YAML merge keys (`<<: *service`) resolved, as compose resolves them. */
export function readCompose(): { file: ComposeFile; services: Record<string, ComposeService> } {
  const text = fs.readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8');
  const file = parse(text, { merge: true }) as ComposeFile;
  return { file, services: file.services };
}

/** What the operator exports before `docker compose up` (the file requires these with `${VAR:?…}`). */
export const COMPOSE_OPERATOR_ENV: Record<string, string> = {
  MONGO_ROOT_PASSWORD: 'root-secret',
  MONGO_APP_PASSWORD: 'app-secret',
  SUBGRAPH_SIGNING_SECRET: 's'.repeat(40),
  AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example/',
};

/** Compose's interpolation: `${VAR}`, `${VAR:-default}`, and `${VAR:?error}` failing when VAR is unset. */
export function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    if (env[name]) return env[name];
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

/** A service's environment after interpolation with what the operator exported. */
export function composeEnv(
  name: string,
  env: Record<string, string> = COMPOSE_OPERATOR_ENV,
): Record<string, string> {
  const { services } = readCompose();
  return Object.fromEntries(
    Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
  );
}
