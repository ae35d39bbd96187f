import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkPageSize, toConnection } from '../../../../shared/graphql/pagination';
import { assertId, ID_PREFIX } from '../common/id.validator';
import type { MarketingContext } from '../context';
import { membershipFilter } from '../segment/segment.rules';
import { CustomerSort, IdentifierKind } from './customer.enums';
import {
  AddIdentifierInput,
  CreateCustomerInput,
  CustomerFilter,
  UpdateCustomerInput,
} from './customer.input';
import { ImportCustomerRecord } from './customer-import.input';
import { MAX_IMPORT_RECORDS } from './customer-import.service';
import { ImportCustomersResult } from './customer-import.type';
import { customerCursor } from './customer.query';
import { presentSurvivor } from './customer.survivor';
import { Customer, CustomerConnection } from './customer.type';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, {
    nullable: true,
    description:
      'One customer by id; null when unknown. A merged-away id gives the surviving customer, with ' +
      '`resolvedFrom` set to the id asked for.',
  })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketingContext): Promise<Customer | null> {
    return presentSurvivor(ctx, assertId(id, ID_PREFIX.customer, 'id'), false);
  }

  @Query(() => Customer, {
    nullable: true,
    description:
      'The customer holding an identifier; the value is normalized first (case, spaces, phone format). ' +
      'A device or cookie id shared by several profiles gives the most recently updated active one; ' +
      'use `customersByIdentifier` for all of them.',
  })
  async customerByIdentifier(
    @Arg('kind', () => IdentifierKind) kind: IdentifierKind,
    @Arg('value', () => String) value: string,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer | null> {
    const [doc] = await ctx.services.customers.findByIdentifier(kind, value, 1);
    return doc ? ctx.present(doc) : null;
  }

  @Query(() => [Customer], {
    description: 'Every customer holding an identifier (shared devices, family cards).',
  })
  async customersByIdentifier(
    @Arg('kind', () => IdentifierKind) kind: IdentifierKind,
    @Arg('value', () => String) value: string,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<Customer[]> {
    const docs = await ctx.services.customers.findByIdentifier(kind, value, checkPageSize(first));
    return docs.map((d) => ctx.present(d));
  }

  @Query(() => CustomerConnection, { description: 'Customers as a Relay connection with keyset cursors.' })
  async customers(
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
    @Arg('sort', () => CustomerSort, { defaultValue: CustomerSort.CREATED_AT_DESC })
    sort: CustomerSort = CustomerSort.CREATED_AT_DESC,
  ): Promise<CustomerConnection> {
    const n = checkPageSize(first);
    const segmentCondition = filter?.segmentId
      ? membershipFilter(await ctx.services.segments.get(filter.segmentId))
      : undefined;
    const { rows, totalCount } = await ctx.services.customers.list({
      filter,
      sort,
      first: n,
      after,
      segmentCondition,
      withTotal: true,
    });
    const conn = toConnection(rows, n, (d) => customerCursor(d, sort), !!after, totalCount);
    return {
      edges: conn.edges.map((e) => ({ cursor: e.cursor, node: ctx.present(e.node) })),
      pageInfo: conn.pageInfo,
      totalCount: totalCount ?? 0,
    };
  }

  @Mutation(() => Customer, {
    description: 'Creates a profile; CONFLICT when an email or external id is already known.',
  })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    return ctx.present(await ctx.services.customers.create(input));
  }

  @Mutation(() => Customer, {
    description:
      'Changes a profile: omitted fields are kept, null clears, lists are replaced. NOT_FOUND, CONFLICT.',
  })
  async updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    return ctx.present(await ctx.services.customers.update(assertId(id, ID_PREFIX.customer, 'id'), input));
  }

  @Mutation(() => Customer, {
    description:
      'Adds an email, phone, social handle or external/device/cookie/loyalty id (idempotent). CONFLICT when ' +
      'an email, external id or loyalty card belongs to another profile.',
  })
  async addIdentifier(
    @Arg('input', () => AddIdentifierInput) input: AddIdentifierInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    return ctx.present(await ctx.services.customers.addIdentifier(input));
  }

  @Mutation(() => ImportCustomersResult, {
    description:
      `Imports up to ${MAX_IMPORT_RECORDS} customer records from one source. Each record gets its own ` +
      'outcome in input order: CREATED, MATCHED (same external key from this source, or its email, is ' +
      'already a customer: nothing written) or REJECTED with the field and code; one bad record never ' +
      'rejects the others. Importing the same records again matches them (idempotent).',
  })
  async importCustomers(
    @Arg('source', { description: 'The sending system, e.g. `shopify`: 1–64 letters, digits, . _ -' })
    source: string,
    // Validated per record by the service, so a bad record rejects itself, not the call.
    @Arg('records', () => [ImportCustomerRecord], {
      validate: false,
      description: `Up to ${MAX_IMPORT_RECORDS} records.`,
    })
    records: ImportCustomerRecord[],
    @Ctx() ctx: MarketingContext,
  ): Promise<ImportCustomersResult> {
    return ctx.services.customerImport.importRecords(source, records);
  }
}
