import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../../../shared/graphql/pagination';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { RecordSurveyAnswerInput } from './survey-answer.input';
import { toSurveyAnswer } from './survey-answer.mapper';
import { SurveyAnswer } from './survey-answer.type';

@Resolver(() => SurveyAnswer)
export class SurveyAnswerResolver {
  @Mutation(() => SurveyAnswer, { description: 'CONFLICT when the customer already answered this survey.' })
  async recordSurveyAnswer(
    @Arg('input', () => RecordSurveyAnswerInput) input: RecordSurveyAnswerInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<SurveyAnswer> {
    return toSurveyAnswer(await ctx.services.surveyAnswers.record(input));
  }
}

@Resolver(() => Customer)
export class CustomerSurveyAnswersResolver {
  @FieldResolver(() => [SurveyAnswer], { description: 'Survey answers, newest first.' })
  async surveyAnswers(
    @Root() customer: Customer,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<SurveyAnswer[]> {
    const n = checkPageSize(first);
    const docs = await ctx.loaders.surveyAnswersByCustomer.load(customer.id);
    return docs.slice(0, n).map(toSurveyAnswer);
  }
}
