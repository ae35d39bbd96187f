/**
 * `docker compose up` must give a working supergraph on a real MongoDB replica set. This reads
 * docker-compose.yml (YAML merge keys resolved, as compose does) and the Dockerfile, and feeds each
 * service's compose environment to that service's own `config.ts`: what the code reads from the file
 * (ports, database names, subgraph URLs) must wire the services together. Nothing here restates the
 * file's values; the expectations come from the code (the gateway's subgraph list, each loader).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '../../gateway/src/config';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../gateway/src/supergraph';
import { loadConfig as loadInsightsConfig } from '../../subgraphs/insights/src/config';
import { loadConfig as loadMarketingConfig } from '../../subgraphs/marketing/src/config';
import { loadConfig as loadSalesConfig } from '../../subgraphs/sales/src/config';
import { loadConfig as loadSupportConfig } from '../../subgraphs/support/src/config';
import { COMPOSE_OPERATOR_ENV, composeEnv, readCompose } from '../helpers/compose';

const root = path.resolve(__dirname, '../..');
const { services } = readCompose();
const envOf = (name: string, env: Record<string, string> = COMPOSE_OPERATOR_ENV) => composeEnv(name, env);

/** Each subgraph's own config loader, as its index.ts runs it. */
const LOADERS: Record<SubgraphName, (env: NodeJS.ProcessEnv) => { port: number; nodeEnv: string }> = {
  marketing: loadMarketingConfig,
  sales: loadSalesConfig,
  support: loadSupportConfig,
  insights: loadInsightsConfig,
};
const WITH_DATABASE = { marketing: loadMarketingConfig, sales: loadSalesConfig, support: loadSupportConfig };

describe('docker-compose.yml', () => {
  it('runs MongoDB, every subgraph of the supergraph, the gateway and the demo seed', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'mongo', 'seed', ...SUBGRAPH_NAMES].sort());
  });

  describe('mongo', () => {
    const mongo = services.mongo;

    it('is MongoDB 7 started as a single-node replica set, initiated by its health check', () => {
      expect(mongo.image).toMatch(/^mongo:7/);
      const replSet = /--replSet (\S+)/.exec(mongo.entrypoint!.join(' '))?.[1];
      expect(replSet).toBeDefined();
      const test = mongo.healthcheck!.test.join(' ');
      expect(test).toContain(`rs.initiate({ _id: '${replSet}'`);
      expect(test).toContain('isWritablePrimary');
      // Every service with a database connects to that replica set by the compose service name.
      for (const name of Object.keys(WITH_DATABASE)) {
        const uri = new URL(envOf(name).MONGODB_URI);
        expect(uri.host).toBe('mongo:27017');
        expect(uri.searchParams.get('replicaSet')).toBe(replSet);
      }
    });
  });

  describe.each(SUBGRAPH_NAMES.map((name) => ({ name })))('$name subgraph', ({ name }) => {
    const service = services[name];
    const config = LOADERS[name](envOf(name));

    it('is built from the Dockerfile, selects its service and runs in production mode', () => {
      expect(service.build).toBe('.');
      expect(envOf(name).SERVICE).toBe(name);
      expect(config.nodeEnv).toBe('production');
    });

    it('is not published on the host, and probes its readiness on the port its config listens on', () => {
      expect(service.ports).toBeUndefined();
      expect(service.healthcheck!.test.join(' ')).toContain(`http://localhost:${config.port}/readyz`);
    });

    it('is where the gateway looks for it', () => {
      const gateway = loadGatewayConfig(envOf('gateway'));
      expect(gateway.subgraphUrls[name]).toBe(`http://${name}:${config.port}/graphql`);
      expect(services.gateway.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
    });
  });

  it('gives every subgraph with data its own database and starts it after MongoDB is healthy', () => {
    const dbNames = Object.entries(WITH_DATABASE).map(([name, load]) => {
      expect(services[name].depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
      return load(envOf(name)).mongo.dbName;
    });
    expect(new Set(dbNames).size).toBe(dbNames.length);
  });

  it('refuses to start without the signing secret and identity provider, and never ships a secret', () => {
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
      expect(() => envOf(name, { ...COMPOSE_OPERATOR_ENV, SUBGRAPH_SIGNING_SECRET: '' })).toThrow(
        /SUBGRAPH_SIGNING_SECRET/,
      );
      expect(envOf(name).SUBGRAPH_SIGNING_SECRET).toBe(COMPOSE_OPERATOR_ENV.SUBGRAPH_SIGNING_SECRET);
    }
    expect(() => envOf('gateway', { ...COMPOSE_OPERATOR_ENV, AUTH_JWKS_URL: '' })).toThrow(/AUTH_JWKS_URL/);
    expect(loadGatewayConfig(envOf('gateway')).auth.keys).toEqual({
      kind: 'jwks-url',
      url: COMPOSE_OPERATOR_ENV.AUTH_JWKS_URL,
    });
  });

  it('lets the subgraphs listen beyond loopback inside the compose network', () => {
    for (const name of SUBGRAPH_NAMES) expect(LOADERS[name](envOf(name))).toMatchObject({ host: '0.0.0.0' });
  });

  it('starts insights without a database: it has no data of its own', () => {
    expect(envOf('insights').MONGODB_URI).toBeUndefined();
    expect(services.insights.depends_on).toBeUndefined();
  });

  describe('gateway', () => {
    const gateway = services.gateway;
    const config = loadGatewayConfig(envOf('gateway'));

    it('publishes the port it listens on, in production mode', () => {
      expect(envOf('gateway').SERVICE).toBe('gateway');
      expect(gateway.ports).toEqual([`127.0.0.1:${config.port}:${config.port}`]);
      expect(config.nodeEnv).toBe('production');
      expect(gateway.healthcheck!.test.join(' ')).toContain(`http://localhost:${config.port}/readyz`);
    });

    it('needs no database and waits for exactly the subgraphs', () => {
      expect(envOf('gateway').MONGODB_URI).toBeUndefined();
      expect(Object.keys(gateway.depends_on ?? {}).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    });

    it('sends nothing to Apollo', () => {
      expect(config.apollo).toBeUndefined();
      expect(config.apolloTelemetry).toBe(false);
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

  it('builds on node:20-slim with a locked, production-only install', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^COPY package\.json package-lock\.json \.\/$/m);
  });

  it('maps every SERVICE of the compose file to an entry point that exists', () => {
    const cases = [...dockerfile.matchAll(/^\s*([a-z|]+)\) entry=(\S+?) ;;/gm)].map((m) => ({
      names: m[1].split('|'),
      entry: m[2],
    }));
    for (const name of ['gateway', ...SUBGRAPH_NAMES]) {
      const match = cases.find((c) => c.names.includes(name));
      expect(match).toBeDefined();
      const entry = match!.entry.replace('$SERVICE', name);
      expect(fs.existsSync(path.join(root, entry))).toBe(true);
    }
  });

  it('copies the sources every service imports', () => {
    for (const dir of ['shared', 'subgraphs', 'gateway'])
      expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
  });
});
