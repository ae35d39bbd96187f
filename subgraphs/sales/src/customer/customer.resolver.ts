import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize, toConnection } from '../../../../shared/graphql/pagination';
import type { SalesContext } from '../context';
import { OrderStatus } from '../order/order.enums';
import { toOrder } from '../order/order.mapper';
import { OrderConnection } from '../order/order.type';
import { toOrderReturn } from '../return/return.mapper';
import { OrderReturnConnection } from '../return/return.type';
import { Customer, PurchaseStats } from './customer.type';

/** Marketing's merged ids of the customer: records filed under them are the customer's too. */
const MERGED_IDS = '@requires(fields: "mergedIds")';

@Resolver(() => Customer)
export class CustomerResolver {
  @Directive(MERGED_IDS)
  @FieldResolver(() => OrderConnection, {
    nullable: true,
    description: 'Orders of this customer, newest first (those filed under merged-away ids included).',
  })
  async orders(
    @Root() customer: Customer,
    @Ctx() ctx: SalesContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('status', () => OrderStatus, { nullable: true }) status?: OrderStatus,
  ): Promise<OrderConnection> {
    const n = checkPageSize(first);
    ctx.identities.register(customer);
    const page = await ctx.loaders.ordersPageByCustomer.load({
      parentId: customer.id,
      params: { first: n, after: after ?? null, status: status ?? null },
    });
    const totalCount = page?.totalCount ?? 0;
    const conn = toConnection(
      (page?.rows ?? []).map(toOrder),
      n,
      (o) => [o.placedAt, o.id],
      !!after,
      totalCount,
    );
    return { ...conn, totalCount };
  }

  @Directive(MERGED_IDS)
  @FieldResolver(() => OrderReturnConnection, {
    nullable: true,
    description: 'Returns of this customer, newest first (merged-away ids included).',
  })
  async returns(
    @Root() customer: Customer,
    @Ctx() ctx: SalesContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<OrderReturnConnection> {
    const n = checkPageSize(first);
    ctx.identities.register(customer);
    const page = await ctx.loaders.returnsPageByCustomer.load({
      parentId: customer.id,
      params: { first: n, after: after ?? null },
    });
    const totalCount = page?.totalCount ?? 0;
    const rows = (page?.rows ?? []).map(toOrderReturn);
    const conn = toConnection(rows, n, (r) => [r.createdAt, r.id], !!after, totalCount);
    return { ...conn, totalCount };
  }

  @Directive(MERGED_IDS)
  @FieldResolver(() => PurchaseStats, {
    nullable: true,
    description: 'Purchase figures (merged-away ids included).',
  })
  async purchaseStats(@Root() customer: Customer, @Ctx() ctx: SalesContext): Promise<PurchaseStats> {
    ctx.identities.register(customer);
    return ctx.loaders.purchaseStatsByCustomer.load(customer.id);
  }
}
