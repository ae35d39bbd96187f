import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkPageSize, toConnection } from '../../../../shared/graphql/pagination';
import { assertId, ID_PREFIX } from '../common/id.validator';
import type { MarketingContext } from '../context';
import {
  CampaignFilter,
  CreateCampaignInput,
  SetCampaignCostInput,
  SetCampaignStatusInput,
} from './campaign.input';
import { toCampaign } from './campaign.mapper';
import { Campaign, CampaignConnection } from './campaign.type';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true })
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketingContext): Promise<Campaign | null> {
    const doc = await ctx.loaders.campaignById.load(assertId(id, ID_PREFIX.campaign, 'id'));
    return doc ? toCampaign(doc) : null;
  }

  @Query(() => CampaignConnection, { description: 'Campaigns, newest first.' })
  async campaigns(
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => CampaignFilter, { nullable: true }) filter?: CampaignFilter,
  ): Promise<CampaignConnection> {
    const n = checkPageSize(first);
    const { rows, totalCount } = await ctx.services.campaigns.list({ filter, first: n, after });
    const conn = toConnection(rows, n, (c) => [c.createdAt.toISOString(), c._id], !!after, totalCount);
    return {
      ...conn,
      totalCount,
      edges: conn.edges.map((e) => ({ cursor: e.cursor, node: toCampaign(e.node) })),
    };
  }

  @Mutation(() => Campaign, { description: 'CONFLICT when the name is taken.' })
  async createCampaign(
    @Arg('input', () => CreateCampaignInput) input: CreateCampaignInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Campaign> {
    return toCampaign(await ctx.services.campaigns.create(input));
  }

  @Mutation(() => Campaign, {
    description: 'INVALID_STATE_TRANSITION for a change the lifecycle does not allow.',
  })
  async setCampaignStatus(
    @Arg('input', () => SetCampaignStatusInput) input: SetCampaignStatusInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Campaign> {
    return toCampaign(await ctx.services.campaigns.setStatus(input.campaignId, input.status));
  }

  @Mutation(() => Campaign, { description: 'Records what the campaign cost, so its performance shows ROAS.' })
  async setCampaignCost(
    @Arg('input', () => SetCampaignCostInput) input: SetCampaignCostInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Campaign> {
    return toCampaign(
      await ctx.services.campaigns.setCost(input.campaignId, input.costMinor, input.currency),
    );
  }
}
