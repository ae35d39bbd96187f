/**
 * Each computed field @requires only the facts its rules read (so asking for `value` alone does not make
 * the gateway call support). This checks that the selections are complete: for random customers, a rule
 * fed only its field's selection answers exactly as when fed every fact. A fact missing from a selection
 * would make the mapper substitute a neutral value and the answers would differ.
 */
import fc from 'fast-check';
import { parse, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import {
  toSignals,
  type CustomerRepresentation,
} from '../../../subgraphs/insights/src/customer/customer.mapper';
import {
  CONTACT_REQUIRES,
  LIFECYCLE_REQUIRES,
  VALUE_REQUIRES,
} from '../../../subgraphs/insights/src/customer/customer.requires';
import { computeContact } from '../../../subgraphs/insights/src/rules/contact.rules';
import { computeLifecycle } from '../../../subgraphs/insights/src/rules/lifecycle.rules';
import { computeCustomerValue } from '../../../subgraphs/insights/src/rules/value.rules';
import { NOW, daysAgo } from './customer-signals.builder';

const ALL_FACTS = [LIFECYCLE_REQUIRES, VALUE_REQUIRES, CONTACT_REQUIRES].join(' ');

/** Keeps only the fields a selection names (recursively), like the gateway building a representation. */
function project(value: unknown, selectionSet: SelectionSetNode | undefined): unknown {
  if (!selectionSet || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => project(v, selectionSet));
  const out: Record<string, unknown> = {};
  for (const sel of selectionSet.selections as FieldNode[]) {
    const key = sel.name.value;
    if (key in (value as object))
      out[key] = project((value as Record<string, unknown>)[key], sel.selectionSet);
  }
  return out;
}

function representationFor(selection: string, full: CustomerRepresentation): CustomerRepresentation {
  const op = parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode;
  return { __typename: 'Customer', id: full.id, ...(project(full, op.selectionSet) as object) };
}

const iso = fc.option(
  fc.integer({ min: -5, max: 1200 }).map((d) => daysAgo(d).toISOString()),
  { nil: null },
);
const count = fc.integer({ min: 0, max: 12 });
const money = fc.record({
  amountMinor: fc.integer({ min: 0, max: 2_000_000 }),
  currency: fc.constant('EUR'),
});

const fullRepresentation = fc.record({
  __typename: fc.constant('Customer'),
  id: fc.constant('cus_0123456789abcdef01234567'),
  engagement: fc.record({
    firstSeenAt: iso,
    lastTouchpointAt: iso,
    touchpointsLast30Days: count,
    touchpointsLast90Days: count,
    educationTouchpointsLast90Days: count,
    preferredChannel: fc.option(fc.constantFrom('EMAIL', 'SMS', 'APP', 'WEB', 'PHONE'), { nil: null }),
    preferredHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
  }),
  advocacy: fc.record({
    lastNpsScore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    lastNpsAt: iso,
    referralsCount: fc.integer({ min: 0, max: 3 }),
    reviewsCount: fc.integer({ min: 0, max: 3 }),
    averageReviewRating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  }),
  consents: fc.array(
    fc.record({
      channel: fc.constantFrom('EMAIL', 'SMS', 'PUSH', 'PHONE'),
      purpose: fc.constantFrom('MARKETING', 'SERVICE'),
      granted: fc.boolean(),
      updatedAt: fc.integer({ min: 0, max: 900 }).map((d) => daysAgo(d).toISOString()),
    }),
    { maxLength: 4 },
  ),
  timeZone: fc.option(fc.constantFrom('UTC', 'Europe/Budapest', 'America/New_York', 'Asia/Tokyo'), {
    nil: null,
  }),
  quietHours: fc.option(
    fc.record({
      start: fc.constantFrom('22:00', '12:00', '01:30'),
      end: fc.constantFrom('07:00', '14:00', '09:45'),
    }),
    { nil: null },
  ),
  purchaseStats: fc.record({
    orderCount: count,
    totalRevenue: money,
    averageOrderValue: fc.option(money, { nil: null }),
    firstOrderAt: iso,
    lastOrderAt: iso,
    lastReturnAt: iso,
  }),
  supportStats: fc.record({
    openComplaints: fc.integer({ min: 0, max: 2 }),
    complaintsLast30Days: fc.integer({ min: 0, max: 3 }),
    lastContactAt: iso,
    averageSatisfaction: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
    lastNegativeSentimentAt: iso,
  }),
  valueModelFacts: fc.record({
    purchaseModel: fc.option(fc.constant('BG_NBD'), { nil: null }),
    probabilityAlive: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    probablyGoneAt: iso,
  }),
}) as fc.Arbitrary<CustomerRepresentation>;

describe('@requires selections of the computed fields', () => {
  const now = NOW;

  it('lifecycle: its selection carries every fact its rules read', () => {
    fc.assert(
      fc.property(fullRepresentation, (full) => {
        const partial = representationFor(LIFECYCLE_REQUIRES, full);
        expect(computeLifecycle(toSignals(partial, LIFECYCLE_REQUIRES), now)).toEqual(
          computeLifecycle(toSignals(full, ALL_FACTS), now),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('value: its selection carries every fact its rules read', () => {
    fc.assert(
      fc.property(fullRepresentation, (full) => {
        const partial = representationFor(VALUE_REQUIRES, full);
        expect(computeCustomerValue(toSignals(partial, VALUE_REQUIRES), now)).toEqual(
          computeCustomerValue(toSignals(full, ALL_FACTS), now),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('contact: its selection carries every fact its rules read', () => {
    fc.assert(
      fc.property(fullRepresentation, fc.integer({ min: 0, max: 23 }), (full, hour) => {
        const at = new Date(now.getTime() + hour * 3_600_000);
        const partial = representationFor(CONTACT_REQUIRES, full);
        expect(computeContact(toSignals(partial, CONTACT_REQUIRES), at)).toEqual(
          computeContact(toSignals(full, ALL_FACTS), at),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('would notice a missing fact (the check above can fail)', () => {
    // Dropping lastReturnAt from the contact selection must change some answer.
    const tooSmall = CONTACT_REQUIRES.replace(
      'purchaseStats { lastReturnAt }',
      'purchaseStats { orderCount }',
    );
    const full = {
      __typename: 'Customer',
      id: 'cus_x',
      consents: [
        { channel: 'EMAIL', purpose: 'MARKETING', granted: true, updatedAt: daysAgo(5).toISOString() },
      ],
      timeZone: 'UTC',
      quietHours: null,
      engagement: { preferredChannel: null, preferredHour: null },
      advocacy: { lastNpsScore: null, lastNpsAt: null },
      purchaseStats: { orderCount: 1, lastReturnAt: daysAgo(2).toISOString() },
      supportStats: { openComplaints: 0 },
    } as CustomerRepresentation;
    const partial = representationFor(tooSmall, full);
    expect(computeContact(toSignals(partial, tooSmall), now).contactableNow).toBe(true);
    expect(computeContact(toSignals(full, CONTACT_REQUIRES), now).contactableNow).toBe(false);
  });
});

describe('representation mapper', () => {
  const rep = (over: Record<string, unknown>) =>
    ({ __typename: 'Customer', id: 'cus_1', ...over }) as CustomerRepresentation;

  it('fails loudly when a required fact is missing (its subgraph failed), naming it', () => {
    expect(() => toSignals(rep({ purchaseStats: { orderCount: 1 } }), VALUE_REQUIRES)).toThrow(
      'Customer cus_1: required fact "advocacy" is missing; the subgraph that owns it may be unavailable',
    );
    expect(() => toSignals(rep({ advocacy: {}, purchaseStats: null }), VALUE_REQUIRES)).toThrow(
      '"purchaseStats"',
    );
  });

  it('accepts a null time zone and quiet hours, which are legitimate values', () => {
    const ok = rep({
      consents: [],
      timeZone: null,
      quietHours: null,
      engagement: {},
      advocacy: {},
      purchaseStats: {},
      supportStats: { openComplaints: 0 },
    });
    expect(toSignals(ok, CONTACT_REQUIRES).timeZone).toBeNull();
  });

  it('parses ISO dates and rejects malformed facts', () => {
    const s = toSignals(
      rep({
        advocacy: { lastNpsScore: 9, referralsCount: 0 },
        purchaseStats: {
          orderCount: 1,
          firstOrderAt: '2024-05-01T10:00:00.000Z',
          totalRevenue: { amountMinor: 1250, currency: 'EUR' },
        },
      }),
      VALUE_REQUIRES,
    );
    expect(s.purchase.firstOrderAt).toEqual(new Date('2024-05-01T10:00:00.000Z'));
    expect(s.purchase.totalRevenue).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(() =>
      toSignals(
        rep({ advocacy: {}, purchaseStats: { orderCount: 1, lastOrderAt: 'yesterday' } }),
        VALUE_REQUIRES,
      ),
    ).toThrow('purchaseStats.lastOrderAt is not a date: "yesterday"');
    expect(() =>
      toSignals(rep({ advocacy: {}, purchaseStats: { orderCount: '3' } }), VALUE_REQUIRES),
    ).toThrow('purchaseStats.orderCount is not a number');
    expect(() =>
      toSignals(rep({ advocacy: {}, purchaseStats: { orderCount: 1, totalRevenue: 12.5 } }), VALUE_REQUIRES),
    ).toThrow('purchaseStats.totalRevenue is not Money');
  });
});
