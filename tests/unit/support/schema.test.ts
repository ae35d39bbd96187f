import { buildSchema, isNonNullType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildSupportSchema } from '../../../subgraphs/support/src/schema';

// The fields the insights subgraph @requires (subgraphs/insights/src/customer/customer.requires.ts);
// names and types must not drift.
const CONTRACT_SUPPORT_STATS: Record<string, string> = {
  openTickets: 'Int!',
  openComplaints: 'Int!',
  complaintsLast30Days: 'Int!',
  lastContactAt: 'DateTime',
  averageSatisfaction: 'Float',
  lastNegativeSentimentAt: 'DateTime',
};

describe('support subgraph schema', () => {
  let sdl: string;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    sdl = (await buildSupportSchema()).sdl;
    // Parse the printed SDL without federation machinery to inspect plain types.
    schema = buildSchema(sdl.replace(/^extend schema @link.*$/m, ''), { assumeValidSDL: true });
  });

  it('extends the Customer entity keyed by id with supportStats and tickets', () => {
    expect(sdl).toMatch(/type Customer @key\(fields: "id"\)/);
    const customer = schema.getType('Customer') as GraphQLObjectType;
    const fields = customer.getFields();
    // Nullable: when support fails, only these fields are null, not the customer marketing returned.
    expect(String(fields.supportStats.type)).toBe('SupportStats');
    expect(String(fields.tickets.type)).toBe('TicketConnection');
    expect(fields.tickets.args.map((a) => `${a.name}:${String(a.type)}`)).toEqual([
      'first:Int',
      'after:String',
      'status:TicketStatus',
    ]);
  });

  it('SupportStats matches the cross-team contract exactly', () => {
    const stats = schema.getType('SupportStats') as GraphQLObjectType;
    const actual = Object.fromEntries(Object.values(stats.getFields()).map((f) => [f.name, String(f.type)]));
    expect(actual).toEqual(CONTRACT_SUPPORT_STATS);
  });

  it('exposes the agent queries and the mutations', () => {
    const query = schema.getQueryType()!.getFields();
    expect(String(query.ticket.type)).toBe('Ticket');
    expect(String(query.tickets.type)).toBe('TicketConnection!');
    expect(query.tickets.args.map((a) => a.name)).toEqual(['first', 'after', 'filter']);
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(mutations).toEqual([
      'addTicketMessage',
      'changeTicketStatus',
      'openTicket',
      'rateTicket',
      'recordInteraction',
    ]);
  });

  it('uses Relay connections with a shareable PageInfo and a non-null totalCount', () => {
    expect(sdl).toMatch(/type PageInfo @shareable/);
    const conn = (schema.getType('TicketConnection') as GraphQLObjectType).getFields();
    expect(Object.keys(conn).sort()).toEqual(['edges', 'pageInfo', 'totalCount']);
    expect(isNonNullType(conn.totalCount.type)).toBe(true);
  });

  it('lists calls and chats on the customer and on tickets', () => {
    const customer = (schema.getType('Customer') as GraphQLObjectType).getFields();
    expect(String(customer.interactions.type)).toBe('SupportInteractionConnection');
    expect(customer.interactions.args.map((a) => a.name)).toEqual(['first', 'after', 'kind']);
    const ticket = (schema.getType('Ticket') as GraphQLObjectType).getFields();
    expect(String(ticket.interactions.type)).toBe('[SupportInteraction!]!');
    expect(String(schema.getMutationType()!.getFields().recordInteraction.type)).toBe('SupportInteraction!');
  });

  it('prefixes every enum per subgraph and does not define types owned elsewhere', () => {
    const enums = Object.values(schema.getTypeMap())
      .filter((t) => t.astNode?.kind === 'EnumTypeDefinition')
      .map((t) => t.name);
    expect(enums.length).toBeGreaterThan(0);
    // Timeline* enums are the shared contract (shared/contract/timeline.ts), identical in every subgraph.
    for (const name of enums) expect(name).toMatch(/^(Ticket|SupportInteraction|Timeline)/);
    expect(schema.getType('Money')).toBeUndefined();
    expect(schema.getType('TicketMessageFieldsInput')).toBeUndefined();
  });
});
