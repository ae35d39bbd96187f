import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SalesContext } from '../context';
import { toValueModelInfo } from './value-model.mapper';
import { ValueModelInfo } from './value-model.type';

@Resolver(() => ValueModelInfo)
export class ValueModelResolver {
  @Query(() => ValueModelInfo, {
    nullable: true,
    description: 'The value model predictions use; null before the first fit with parameters.',
  })
  async valueModel(@Ctx() ctx: SalesContext): Promise<ValueModelInfo | null> {
    const doc = await ctx.loaders.currentValueModel.load('current');
    return doc ? toValueModelInfo(doc, ctx.services.valueModels.purchaseModel) : null;
  }

  @Mutation(() => ValueModelInfo, {
    description:
      'Fits BG/NBD, MBG/NBD and Gamma-Gamma on every customer’s base-currency purchase days up to `asOf` ' +
      '(default now), ' +
      'stores the fit as a version (`valueModels`) and returns it. Too little data (under 100 customers, or ' +
      'no repeat buyer) gives status INSUFFICIENT_DATA with a reason instead of parameters, and the model in ' +
      'use stays. Otherwise the fit is used from now on (`active`); with an explicit `asOf` it is pinned ' +
      'against scheduled and import refits. Refits run one at a time.',
  })
  async refitValueModel(
    @Ctx() ctx: SalesContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Observation end; not in the future.' })
    asOf?: Date,
  ): Promise<ValueModelInfo> {
    const doc = await ctx.refits.refit(asOf ?? undefined, 'API');
    ctx.loaders.activeValueModel.clear('active');
    ctx.loaders.currentValueModel.clear('current');
    return toValueModelInfo(doc, ctx.services.valueModels.purchaseModel);
  }
}
