/**
 * How many network rounds the gateway needs for the queries clients send most: the query planner
 * (@apollo/query-planner, the one @apollo/gateway runs) plans each over the committed supergraph, and the
 * number of sequential fetch levels is asserted exactly. A change that adds a hop (a new @requires, a
 * field moving owner) fails here; one that removes a hop must lower the number here and in the README
 * ("Architecture", query plans).
 */
import fs from 'node:fs';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUPERGRAPH_PATH, withoutSecurityPurpose } from '../../../gateway/src/supergraph';
import { EXAMPLE_QUERY } from '../../../scripts/start';

// As the gateway loads it: it enforces @requiresScopes itself, before planning.
const supergraph = Supergraph.build(withoutSecurityPurpose(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')));
const planner = new QueryPlanner(supergraph);

/** Sequential fetch levels: a Sequence adds up, a Parallel takes its deepest branch. */
function levels(node: PlanNode | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case 'Fetch':
      return 1;
    case 'Flatten':
      return levels(node.node);
    case 'Sequence':
      return node.nodes.reduce((sum, n) => sum + levels(n), 0);
    case 'Parallel':
      return Math.max(0, ...node.nodes.map(levels));
    default:
      throw new Error(`unexpected plan node ${node.kind}`);
  }
}

/** The plan as a chain of services: `a → {b, c → d} → e`. */
function chain(node: PlanNode | undefined): string {
  if (!node) return '';
  switch (node.kind) {
    case 'Fetch':
      return node.serviceName;
    case 'Flatten':
      return chain(node.node);
    case 'Sequence':
      return node.nodes.map(chain).join(' → ');
    case 'Parallel':
      return `{${node.nodes.map(chain).join(', ')}}`;
    default:
      throw new Error(`unexpected plan node ${node.kind}`);
  }
}

function plan(query: string) {
  const node = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query))).node as
    PlanNode | undefined;
  return { levels: levels(node), chain: chain(node) };
}

/** README "A support agent's customer context": who is calling, with the whole context. */
const CALLER_CONTEXT = /* GraphQL */ `
  query CallerContext($phone: String!) {
    customerByIdentifier(kind: PHONE, value: $phone) {
      id
      displayName
      lifecycle {
        stage
        since
        reasons
      }
      value {
        tier
        orderCount
        totalRevenue {
          formatted
        }
        npsCategory
      }
      contact {
        contactableNow
        channel
        reasons
      }
      orders(first: 5) {
        edges {
          node {
            orderNumber
            status
            total {
              formatted
            }
          }
        }
      }
      returns(first: 3) {
        edges {
          node {
            reason
          }
        }
      }
      tickets(first: 5) {
        edges {
          node {
            subject
            status
            sentiment
          }
        }
      }
      supportStats {
        openTickets
        openComplaints
        averageSatisfaction
        lastContactAt
      }
      advocacy {
        lastNpsScore
        lastNpsAt
      }
    }
  }
`;

describe('query plan depth over the committed supergraph', () => {
  it('the customer-360 query (npm start prints it)', () => {
    expect(plan(EXAMPLE_QUERY)).toEqual({
      levels: 5,
      chain: 'marketing → {support, sales → insights → sales} → {insights, insights}',
    });
  });

  it('the support agent query (customerByIdentifier by phone, whole context)', () => {
    expect(plan(CALLER_CONTEXT)).toEqual({
      levels: 4,
      chain: 'marketing → {support, sales → insights} → {insights, insights}',
    });
  });

  it('an order with its customer’s purchase figures', () => {
    expect(plan('query($id: ID!) { order(id: $id) { customer { purchaseStats { orderCount } } } }')).toEqual({
      levels: 3,
      chain: 'sales → marketing → sales',
    });
  });
});
