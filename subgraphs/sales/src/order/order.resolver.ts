import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SalesContext } from '../context';
import { validateEach } from '../common/validate-each';
import { Customer } from '../customer/customer.type';
import { toOrderReturn } from '../return/return.mapper';
import { OrderReturn } from '../return/return.type';
import { OrderStatus } from './order.enums';
import { ImportOrderInput, PlaceOrderInput } from './order.input';
import { toOrder } from './order.mapper';
import { ImportOrdersResult, Order } from './order.type';

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: 'One order by id; null when unknown.' })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: SalesContext): Promise<Order | null> {
    const doc = await ctx.loaders.orderById.load(id);
    return doc ? toOrder(doc) : null;
  }

  @Query(() => Order, { nullable: true, description: 'One order by its order number; null when unknown.' })
  async orderByNumber(@Arg('number') number: string, @Ctx() ctx: SalesContext): Promise<Order | null> {
    const doc = await ctx.loaders.orderByNumber.load(number);
    return doc ? toOrder(doc) : null;
  }

  @FieldResolver(() => Customer, {
    // Nullable: when marketing fails, a non-null profile field nulls the buyer, not the order.
    nullable: true,
    description: 'The buyer (profile fields come from marketing).',
  })
  customer(@Root() order: Order): Customer {
    return { id: order.customerId };
  }

  @FieldResolver(() => [OrderReturn], { description: 'Returns of this order, newest first.' })
  async returns(@Root() order: Order, @Ctx() ctx: SalesContext): Promise<OrderReturn[]> {
    return (await ctx.loaders.returnsByOrder.load(order.id)).map(toOrderReturn);
  }

  @Mutation(() => Order, {
    description:
      'Places an order. Lines are priced from the catalogue (or their unitPriceMinor) and every total is ' +
      'computed here: subtotal = Σ quantity × unit price, total = subtotal − discount + shipping + tax.',
  })
  async placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: SalesContext) {
    return toOrder(await ctx.services.orders.place(input));
  }

  @Mutation(() => Order, {
    description: 'Moves an order along PENDING → PAID → SHIPPED → DELIVERED, or cancels it before shipping.',
  })
  async changeOrderStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => OrderStatus) status: OrderStatus,
    @Ctx() ctx: SalesContext,
  ): Promise<Order> {
    const doc = await ctx.services.orders.changeStatus(id, status);
    ctx.loaders.orderById.clear(id);
    return toOrder(doc);
  }

  @Mutation(() => ImportOrdersResult, {
    description:
      'Imports historical orders (explicit number, time and totals), up to SALES_IMPORT_MAX_BATCH (default 5000) ' +
      'per call, all or nothing: any invalid order → BAD_USER_INPUT naming `orders[i].field`; any order number ' +
      'already present or repeated → CONFLICT; in both cases nothing of the batch is written.',
  })
  async importOrders(
    @Arg('orders', () => [ImportOrderInput], {
      validateFn: (value: unknown) => validateEach(value as ImportOrderInput[], 'orders'),
    })
    orders: ImportOrderInput[],
    @Ctx() ctx: SalesContext,
  ): Promise<ImportOrdersResult> {
    const docs = await ctx.services.orders.importBatch(orders);
    let earliest: Date | null = null;
    let latest: Date | null = null;
    for (const d of docs) {
      if (!earliest || d.placedAt < earliest) earliest = d.placedAt;
      if (!latest || d.placedAt > latest) latest = d.placedAt;
    }
    const scheduled = ctx.refits.noteImported(docs.length);
    return {
      importedCount: docs.length,
      earliestPlacedAt: earliest,
      latestPlacedAt: latest,
      valueModelRefitScheduled: scheduled,
    };
  }
}
