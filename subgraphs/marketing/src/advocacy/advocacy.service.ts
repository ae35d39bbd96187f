import type { ReferralModel } from '../referral/referral.model';
import type { ReviewModel } from '../review/review.model';
import type { SurveyAnswerModel } from '../survey/survey-answer.model';
import {
  advocacyByCustomer,
  advocacyPipelines,
  type CountRow,
  type LatestNpsRow,
  type ReviewStatsRow,
} from './advocacy.logic';
import type { Advocacy } from './advocacy.type';

export class AdvocacyService {
  constructor(
    private readonly models: {
      surveyAnswers: SurveyAnswerModel;
      referrals: ReferralModel;
      reviews: ReviewModel;
    },
  ) {}

  /**
   * Advocacy of many customers: one aggregation per collection (three in all), whatever their number.
   * `idsOf` gives every profile id of a customer (merged-away ones included): all of them are queried in
   * the same three aggregations and each customer's figures combine the rows of its ids.
   */
  async forCustomers(
    ids: readonly string[],
    idsOf: (customerId: string) => readonly string[] = (id) => [id],
  ): Promise<Map<string, Advocacy>> {
    if (ids.length === 0) return new Map();
    const all = [...new Set(ids.flatMap((id) => idsOf(id)))];
    const [nps, referrals, reviews] = await Promise.all([
      this.models.surveyAnswers.aggregate<LatestNpsRow>(advocacyPipelines.latestNps(all) as never[]),
      this.models.referrals.aggregate<CountRow>(advocacyPipelines.referrals(all) as never[]),
      this.models.reviews.aggregate<ReviewStatsRow>(advocacyPipelines.reviews(all) as never[]),
    ]);
    return advocacyByCustomer(ids, nps, referrals, reviews, idsOf);
  }
}
