import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import { checkPageSize, decodeCursor, toConnection } from '../../../../shared/graphql/pagination';
import { toCampaign } from '../campaign/campaign.mapper';
import { Campaign } from '../campaign/campaign.type';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { TouchpointChannel } from './touchpoint.enums';
import { RecordTouchpointInput } from './touchpoint.input';
import { toTouchpoint } from './touchpoint.mapper';
import { RecordTouchpointsPayload, Touchpoint, TouchpointConnection } from './touchpoint.type';

@Resolver(() => Touchpoint)
export class TouchpointResolver {
  @Mutation(() => Touchpoint, { description: 'Records one touchpoint; NOT_FOUND for an unknown customer.' })
  async recordTouchpoint(
    @Arg('input', () => RecordTouchpointInput) input: RecordTouchpointInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Touchpoint> {
    return toTouchpoint(await ctx.services.touchpoints.recordOne(input));
  }

  @Mutation(() => RecordTouchpointsPayload, {
    description:
      'Records up to 1,000 touchpoints all-or-nothing: the first invalid item fails the batch with ' +
      'BAD_USER_INPUT naming `touchpoints[i].field`, and nothing is written.',
  })
  async recordTouchpoints(
    // Validated by the service, item by item, so the error can name the item's index.
    @Arg('touchpoints', () => [RecordTouchpointInput], { validate: false })
    touchpoints: RecordTouchpointInput[],
    @Ctx() ctx: MarketingContext,
  ): Promise<RecordTouchpointsPayload> {
    const docs = await ctx.services.touchpoints.recordBatch(touchpoints);
    return { recordedCount: docs.length, ids: docs.map((d) => d._id) };
  }

  @FieldResolver(() => Campaign, { nullable: true })
  async campaign(@Root() touchpoint: Touchpoint, @Ctx() ctx: MarketingContext): Promise<Campaign | null> {
    if (!touchpoint.campaignId) return null;
    const doc = await ctx.loaders.campaignById.load(touchpoint.campaignId);
    return doc ? toCampaign(doc) : null;
  }
}

@Resolver(() => Customer)
export class CustomerTouchpointsResolver {
  @FieldResolver(() => TouchpointConnection, {
    description: 'Touchpoints, newest first; one query for all customers of a list.',
  })
  async touchpoints(
    @Root() customer: Customer,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('channel', () => TouchpointChannel, { nullable: true }) channel?: TouchpointChannel,
  ): Promise<TouchpointConnection> {
    const n = checkPageSize(first);
    let cursor: [string, string] | null = null;
    if (after) {
      const c = decodeCursor(after);
      if (
        c.length !== 2 ||
        typeof c[0] !== 'string' ||
        Number.isNaN(Date.parse(c[0])) ||
        typeof c[1] !== 'string'
      ) {
        throw badInput('after', 'is not a valid cursor');
      }
      cursor = [c[0], c[1]];
    }
    const page = (await ctx.loaders.touchpointPages.load({
      parentId: customer.id,
      params: { first: n, channel: channel ?? null, after: cursor },
    })) ?? { rows: [], totalCount: 0 };
    const conn = toConnection(
      page.rows,
      n,
      (t) => [t.occurredAt.toISOString(), t._id],
      !!after,
      page.totalCount,
    );
    return {
      edges: conn.edges.map((e) => ({ cursor: e.cursor, node: toTouchpoint(e.node) })),
      pageInfo: conn.pageInfo,
      totalCount: page.totalCount,
    };
  }
}
