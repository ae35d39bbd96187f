import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SalesContext } from '../context';
import { toOrder } from '../order/order.mapper';
import { Order } from '../order/order.type';
import { RecordReturnInput } from './return.input';
import { toOrderReturn } from './return.mapper';
import { OrderReturn } from './return.type';

@Resolver(() => OrderReturn)
export class ReturnResolver {
  @FieldResolver(() => Order, { nullable: true })
  async order(@Root() ret: OrderReturn, @Ctx() ctx: SalesContext): Promise<Order | null> {
    const doc = await ctx.loaders.orderById.load(ret.orderId);
    return doc ? toOrder(doc) : null;
  }

  @Mutation(() => OrderReturn, {
    description:
      'Records returned items of an order. More units of an item than ordered minus already returned → ' +
      'BAD_USER_INPUT naming the item; the order becomes PARTIALLY_RETURNED or RETURNED.',
  })
  async recordReturn(
    @Arg('input', () => RecordReturnInput) input: RecordReturnInput,
    @Ctx() ctx: SalesContext,
  ): Promise<OrderReturn> {
    const { ret, order } = await ctx.services.returns.record(input);
    ctx.loaders.orderById.clear(order._id).prime(order._id, order);
    ctx.loaders.returnsByOrder.clear(order._id);
    return toOrderReturn(ret);
  }
}
