/**
 * The insights subgraph executed the way a router calls it: an `_entities` query whose representations
 * carry the @required facts. No database, no network — the same schema the gateway runs in-process.
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { buildInsightsSchema } from '../../../subgraphs/insights/src/schema';
import { NOW, daysAgo } from './customer-signals.builder';

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Customer {
        lifecycle {
          stage
          since
          reasons
        }
        value {
          orderCount
          totalRevenue {
            amountMinor
            currency
            amount
            formatted
          }
          averageOrderValue {
            amount
            formatted(locale: "de-DE")
          }
          purchaseFrequency
          daysSinceLastOrder
          npsCategory
          score
          tier
        }
        contact {
          contactableNow
          channel
          bestHour
          reasons
        }
      }
    }
  }
`;

function representation(id: string, over: Record<string, Record<string, unknown>> = {}) {
  return {
    __typename: 'Customer',
    id,
    engagement: {
      firstSeenAt: daysAgo(100).toISOString(),
      lastTouchpointAt: daysAgo(1).toISOString(),
      touchpointsLast30Days: 3,
      touchpointsLast90Days: 7,
      educationTouchpointsLast90Days: 0,
      preferredChannel: 'EMAIL',
      preferredHour: 22,
      ...over.engagement,
    },
    advocacy: {
      lastNpsScore: 10,
      lastNpsAt: daysAgo(5).toISOString(),
      referralsCount: 0,
      reviewsCount: 0,
      averageReviewRating: null,
      ...over.advocacy,
    },
    consents: [
      { channel: 'EMAIL', purpose: 'MARKETING', granted: true, updatedAt: daysAgo(90).toISOString() },
    ],
    timeZone: 'Europe/Budapest',
    quietHours: null,
    purchaseStats: {
      orderCount: 2,
      totalRevenue: { amountMinor: 12550, currency: 'EUR' },
      averageOrderValue: { amountMinor: 6275, currency: 'EUR' },
      firstOrderAt: daysAgo(60).toISOString(),
      lastOrderAt: daysAgo(10).toISOString(),
      lastReturnAt: null,
      ...over.purchaseStats,
    },
    supportStats: {
      openComplaints: 0,
      complaintsLast30Days: 0,
      lastContactAt: null,
      averageSatisfaction: null,
      lastNegativeSentimentAt: null,
      ...over.supportStats,
    },
    valueModelFacts: { purchaseModel: 'BG_NBD', probabilityAlive: 0.9, probablyGoneAt: null },
  };
}

describe('insights subgraph', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ schema } = await buildInsightsSchema());
  });

  const run = (representations: unknown[], now: Date = NOW) =>
    graphql({ schema, source: ENTITIES, variableValues: { representations }, contextValue: { now } });

  it('computes lifecycle, value and contact from the representation alone', async () => {
    const result = await run([representation('cus_a')]);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        {
          lifecycle: {
            stage: 'ADVOCACY',
            since: daysAgo(5),
            reasons: ['Promoter NPS 10 (≥ 9) given 5 days ago'],
          },
          value: {
            orderCount: 2,
            totalRevenue: { amountMinor: 12550, currency: 'EUR', amount: '125.50', formatted: '€125.50' },
            averageOrderValue: { amount: '62.75', formatted: '62,75\u00a0€' },
            // 2 orders in 60 days (1.97 months).
            purchaseFrequency: 1.015,
            daysSinceLastOrder: 10,
            npsCategory: 'PROMOTER',
            score: 10 + 10 + 15 + 10,
            tier: 'SILVER',
          },
          // 12:00 UTC is 14:00 in Budapest (summer time): allowed; 22:00 is moved out of quiet hours.
          contact: {
            contactableNow: true,
            channel: 'EMAIL',
            bestHour: 20,
            reasons: ['Marketing consent for EMAIL'],
          },
        },
      ],
    });
  });

  it('judges every customer of a batch independently, in order', async () => {
    const result = await run([
      representation('cus_a'),
      representation('cus_b', {
        supportStats: { openComplaints: 1, lastContactAt: daysAgo(1).toISOString() },
      }),
      representation('cus_c', { purchaseStats: { orderCount: 0, firstOrderAt: null, lastOrderAt: null } }),
    ]);
    const entities = result.data!._entities as Array<{
      lifecycle: { stage: string };
      contact: { contactableNow: boolean };
    }>;
    expect(entities.map((e) => e.lifecycle.stage)).toEqual(['ADVOCACY', 'AT_RISK', 'DISCOVERY']);
    expect(entities.map((e) => e.contact.contactableNow)).toEqual([true, false, true]);
  });

  it('uses the request clock from the context', async () => {
    const result = await run([representation('cus_a')], new Date(NOW.getTime() + 400 * 86_400_000));
    const [entity] = result.data!._entities as Array<{ lifecycle: { stage: string } }>;
    expect(entity.lifecycle.stage).toBe('CHURNED');
  });

  it('turns a missing required fact into an error on that customer only', async () => {
    const broken = representation('cus_broken') as Record<string, unknown>;
    delete broken.supportStats;
    const result = await run([representation('cus_a'), broken]);
    expect(result.errors?.map((e) => e.message)).toContain(
      'Customer cus_broken: required fact "supportStats" is missing; the subgraph that owns it may be unavailable',
    );
    const entities = result.data!._entities as Array<unknown>;
    expect(entities[0]).not.toBeNull();
  });

  it('rejects an invalid locale on Money.formatted as BAD_USER_INPUT naming the field', async () => {
    const result = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { value { totalRevenue { formatted(locale: "not a locale!") } } } } }`,
      variableValues: { r: [representation('cus_a')] },
      contextValue: { now: NOW },
    });
    const original = result.errors?.[0].originalError as
      { code?: string; details?: { field?: string } } | undefined;
    expect(original?.code).toBe('BAD_USER_INPUT');
    expect(original?.details?.field).toBe('locale');
  });
});
