import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, decodeCursor, toConnection } from '../../../../shared/graphql/pagination';
import type { SalesContext } from '../context';
import { toValueModelInfo } from './value-model.mapper';
import { ValueModelInfo } from './value-model.type';
import { ValueModelConnection } from './value-model-version.type';

/** Versions of the value model: which fit is in use, the list of fits, and rolling back to one. */
@Resolver(() => ValueModelInfo)
export class ValueModelVersionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether predictions use this fit now.' })
  async active(@Root() info: ValueModelInfo, @Ctx() ctx: SalesContext): Promise<boolean> {
    const active = await ctx.loaders.activeValueModel.load('active');
    return active?.doc._id === info.id;
  }

  @FieldResolver(() => Boolean, {
    description:
      'In use and pinned (an explicit `refitValueModel(asOf)` or `activateValueModel`): scheduled and ' +
      'import refits are stored but do not replace it unless SALES_SCHEDULED_REFIT_REPLACES_PINNED is set.',
  })
  async pinned(@Root() info: ValueModelInfo, @Ctx() ctx: SalesContext): Promise<boolean> {
    const active = await ctx.loaders.activeValueModel.load('active');
    return active?.doc._id === info.id && active.pinned;
  }

  @Query(() => ValueModelConnection, {
    description: 'Every stored fit of the value model, newest first, with the one in use marked `active`.',
  })
  async valueModels(
    @Ctx() ctx: SalesContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
    after?: string,
  ): Promise<ValueModelConnection> {
    const n = checkPageSize(first);
    const cursor = after ? decodeCursor(after) : undefined;
    const versions = ctx.services.valueModelVersions;
    const [rows, totalCount] = await Promise.all([versions.list(n, cursor), versions.count()]);
    const purchaseModel = ctx.services.valueModels.purchaseModel;
    const conn = toConnection(
      rows.map((doc) => toValueModelInfo(doc, purchaseModel)),
      n,
      (m) => [m.fittedAt, m.id],
      Boolean(after),
    );
    return { edges: conn.edges, pageInfo: conn.pageInfo, totalCount };
  }

  @Mutation(() => ValueModelInfo, {
    description:
      'Makes a stored fit (from `valueModels`) the one predictions use, e.g. to roll back; it stays pinned ' +
      'until replaced on purpose. NOT_FOUND for an unknown id; BAD_USER_INPUT for a fit without parameters.',
  })
  async activateValueModel(
    @Ctx() ctx: SalesContext,
    @Arg('id', () => ID, { description: 'A fit from `valueModels`.' }) id: string,
  ): Promise<ValueModelInfo> {
    const doc = await ctx.services.valueModelVersions.activate(id);
    ctx.loaders.activeValueModel.clear('active');
    ctx.loaders.currentValueModel.clear('current');
    return toValueModelInfo(doc, ctx.services.valueModels.purchaseModel);
  }
}
