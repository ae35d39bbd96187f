/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import { SignJWT } from 'jose';
import { SIGNATURE_HEADERS } from '../../shared/auth/request-signing';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../shared/auth/auth-config';
import { asRole, authAs, signedHeaders, TEST_TOKEN_SECRET } from '../helpers/auth';
import { startSubgraphsAndGateway, type SubgraphName, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(120_000);

/**
 * Who gets in: the gateway takes only valid bearer tokens (client role and actor headers count for
 * nothing), the subgraphs only requests the gateway signed — `_service` and `_entities` included — and
 * each refusal names its reason.
 */
let gw: SupergraphHarness;
let customerId: string;

beforeAll(async () => {
  gw = await startSubgraphsAndGateway();
  const created = await gw.query<any>(
    `mutation { createCustomer(input: { givenName: "Eva", familyName: "Kovács", email: "eva.kovacs@example.com",
       phones: [{ number: "+36301235959" }], birthDate: "1985-03-14" }) { id } }`,
  );
  customerId = created.data.createCustomer.id;
});
afterAll(() => gw?.stop());

const token = (
  claims: Record<string, unknown>,
  opts: { exp?: number; aud?: string; iss?: string; secret?: string } = {},
) => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['admin'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mallory')
    .setIssuer(opts.iss ?? DEV_ISSUER)
    .setAudience(opts.aud ?? DEV_AUDIENCE)
    .setExpirationTime(opts.exp ?? now + 60)
    .sign(new TextEncoder().encode(opts.secret ?? TEST_TOKEN_SECRET));
};

describe('the gateway authenticates every operation', () => {
  const QUERY = `query { customer(id: "cus_x") { id } }`;

  it.each([
    ['no token', async () => ({ authorization: '' }), 'TOKEN_MISSING'],
    [
      'a role header instead of a token',
      async () => ({ authorization: '', 'x-role': 'admin' }),
      'TOKEN_MISSING',
    ],
    [
      'a role pretending to be a token',
      async () => ({ authorization: 'Bearer role=admin' }),
      'TOKEN_MALFORMED',
    ],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await token({}, { exp: 1_000_000 })}` }),
      'TOKEN_EXPIRED',
    ],
    [
      'a forged token',
      async () => ({ authorization: `Bearer ${await token({}, { secret: 'f'.repeat(40) })}` }),
      'TOKEN_BAD_SIGNATURE',
    ],
    [
      'another audience',
      async () => ({ authorization: `Bearer ${await token({}, { aud: 'other-api' })}` }),
      'TOKEN_WRONG_AUDIENCE',
    ],
    [
      'another issuer',
      async () => ({ authorization: `Bearer ${await token({}, { iss: 'https://evil.example' })}` }),
      'TOKEN_WRONG_ISSUER',
    ],
  ])('%s → 401 UNAUTHENTICATED %s', async (_name, headers, reason) => {
    const res = await gw.query(QUERY, undefined, await headers());
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors).toEqual([
      { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } },
    ]);
  });

  it('ignores role and actor headers: the token decides', async () => {
    const headers = {
      ...(await asRole('analyst')),
      'x-role': 'admin',
      'x-roles': 'admin',
      'x-actor-id': 'admin-1',
    };
    const res = await gw.query<any>(
      `query($id: ID!) { customer(id: $id) { id email } }`,
      { id: customerId },
      headers,
    );
    expect(res.data).toEqual({ customer: { id: customerId, email: null } });
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['customer', 'email'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });

  it('leaves /healthz, /readyz and /metrics open (keep /metrics on the internal network)', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(`${gw.baseUrl}${path}`)).status).toBe(200);
    }
  });
});

describe('subgraphs answer only the gateway', () => {
  const SUBGRAPHS: (SubgraphName | 'insights')[] = ['marketing', 'sales', 'support', 'insights'];
  const entities = (id: string) =>
    JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }`,
      variables: { r: [{ __typename: 'Customer', id }] },
    });
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const reasonOf = async (res: Response) => {
    const body = (await res.json()) as any;
    return {
      status: res.status,
      code: body.errors?.[0]?.extensions?.code,
      reason: body.errors?.[0]?.extensions?.reason,
      data: body.data,
    };
  };

  it.each(SUBGRAPHS)('%s refuses unsigned _service and _entities calls with 401', async (name) => {
    const url = gw.subgraphUrls[name];
    const sdl = await reasonOf(await post(url, JSON.stringify({ query: '{ _service { sdl } }' })));
    expect(sdl).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: 'SIGNATURE_MISSING',
      data: undefined,
    });
    const ent = await reasonOf(await post(url, entities(customerId)));
    expect(ent).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: 'SIGNATURE_MISSING',
      data: undefined,
    });
  });

  it('refuses forged, tampered, stale and replayed signatures', async () => {
    const url = gw.subgraphUrls.marketing;
    const body = entities(customerId);
    const good = signedHeaders(url, body, authAs('agent'));
    // Another principal under the agent's signature: the HMAC covers the principal header.
    const admin = signedHeaders(url, body, authAs('admin', 'just looking'));
    const escalated = { ...good, [SIGNATURE_HEADERS.principal]: admin[SIGNATURE_HEADERS.principal] };
    expect(await reasonOf(await post(url, body, escalated))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_INVALID',
    });
    const forged = { ...good, [SIGNATURE_HEADERS.signature]: `v1=${'0'.repeat(64)}` };
    expect(await reasonOf(await post(url, body, forged))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_INVALID',
    });
    expect(await reasonOf(await post(url, entities('cus_other'), good))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_INVALID',
    });
    const stale = { ...good, [SIGNATURE_HEADERS.timestamp]: String(Date.now() - 31_000) };
    expect(await reasonOf(await post(url, body, stale))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_STALE',
    });

    const first = await reasonOf(await post(url, body, good));
    expect(first).toMatchObject({ status: 200, data: { _entities: [{ id: customerId }] } });
    expect(await reasonOf(await post(url, body, good))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_REPLAYED',
    });
  });

  it('refuses a signature older than the window', async () => {
    const url = gw.subgraphUrls.sales;
    const body = JSON.stringify({ query: '{ __typename }' });
    const realNow = Date.now;
    Date.now = () => realNow() - 60_000;
    let old: Record<string, string>;
    try {
      old = signedHeaders(url, body);
    } finally {
      Date.now = realNow;
    }
    expect(await reasonOf(await post(url, body, old))).toMatchObject({
      status: 401,
      reason: 'SIGNATURE_STALE',
    });
  });
});
