/**
 * `docker compose up` must give a working supergraph on a real MongoDB replica set. This reads
 * docker-compose.yml (YAML merge keys resolved, as compose does) and the Dockerfile and checks the wiring:
 * services, ports, environment and start-up order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = path.resolve(__dirname, '../..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

const SUBGRAPHS = [
  { name: 'marketing', port: 4001, db: 'c360_marketing', urlVar: 'MARKETING_URL' },
  { name: 'sales', port: 4002, db: 'c360_sales', urlVar: 'SALES_URL' },
  { name: 'support', port: 4003, db: 'c360_support', urlVar: 'SUPPORT_URL' },
];

describe('docker-compose.yml', () => {
  it('runs MongoDB, the three subgraphs and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'marketing', 'mongo', 'sales', 'support']);
  });

  describe('mongo', () => {
    const mongo = services.mongo;

    it('is MongoDB 7 started as the single-node replica set rs0', () => {
      expect(mongo.image).toBe('mongo:7');
      const command = mongo.command!.join(' ');
      expect(command).toMatch(/--replSet rs0\b/);
      expect(command).toContain('--bind_ip_all');
      expect(mongo.ports).toContain('27017:27017');
    });

    it('has a health check that initiates the replica set and waits for a writable primary', () => {
      const test = mongo.healthcheck!.test.join(' ');
      expect(test).toContain('mongosh');
      expect(test).toMatch(
        /rs\.initiate\(\{ _id: 'rs0', members: \[\{ _id: 0, host: 'mongo:27017' \}\] \}\)/,
      );
      expect(test).toContain('isWritablePrimary');
    });
  });

  describe.each(SUBGRAPHS)('$name subgraph', ({ name, port, db }) => {
    const service = services[name];

    it('is built from the Dockerfile and selects its service', () => {
      expect(service.build).toBe('.');
      expect(service.environment!.SERVICE).toBe(name);
    });

    it(`listens on ${port} and publishes it`, () => {
      expect(service.environment![`${name.toUpperCase()}_PORT`]).toBe(String(port));
      expect(service.ports).toContain(`${port}:${port}`);
    });

    it('uses its own database on the replica set, in production mode', () => {
      const env = service.environment!;
      expect(env.MONGODB_URI).toBe('mongodb://mongo:27017/?replicaSet=rs0');
      expect(env[`${name.toUpperCase()}_DB_NAME`]).toBe(db);
      expect(env.NODE_ENV).toBe('production');
    });

    it('starts after MongoDB is healthy and reports its own readiness', () => {
      expect(service.depends_on).toEqual({ mongo: { condition: 'service_healthy' } });
      expect(service.healthcheck!.test.join(' ')).toContain(`http://localhost:${port}/readyz`);
    });
  });

  describe('gateway', () => {
    const gateway = services.gateway;

    it('listens on 4000 and publishes it', () => {
      expect(gateway.environment!.SERVICE).toBe('gateway');
      expect(gateway.environment!.PORT).toBe('4000');
      expect(gateway.ports).toContain('4000:4000');
    });

    it('points at each subgraph by its compose service name and port', () => {
      for (const { name, port, urlVar } of SUBGRAPHS) {
        expect(gateway.environment![urlVar]).toBe(`http://${name}:${port}/graphql`);
      }
    });

    it('needs no database and starts after every subgraph is healthy', () => {
      expect(gateway.environment!.MONGODB_URI).toBeUndefined();
      expect(gateway.depends_on).toEqual({
        marketing: { condition: 'service_healthy' },
        sales: { condition: 'service_healthy' },
        support: { condition: 'service_healthy' },
      });
    });

    it('sends nothing to Apollo: no key in the environment', () => {
      expect(gateway.environment!.APOLLO_KEY).toBeUndefined();
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

  it('maps every SERVICE to an entry point that exists', () => {
    const entries = [...dockerfile.matchAll(/entry=(\S+?)(?: ;;|;)/g)].map((m) => m[1]);
    expect(entries).toEqual([
      'gateway/src/index.ts',
      'gateway/src/insights/index.ts',
      'subgraphs/$SERVICE/src/index.ts',
    ]);
    for (const name of ['marketing', 'sales', 'support']) {
      expect(fs.existsSync(path.join(root, `subgraphs/${name}/src/index.ts`))).toBe(true);
    }
    expect(fs.existsSync(path.join(root, 'gateway/src/index.ts'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'gateway/src/insights/index.ts'))).toBe(true);
  });

  it('copies the sources every service imports', () => {
    for (const dir of ['shared', 'subgraphs', 'gateway'])
      expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
  });
});
