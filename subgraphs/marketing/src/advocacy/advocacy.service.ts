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

  /** Advocacy of many customers: one aggregation per collection (three in all), whatever their number. */
  async forCustomers(ids: readonly string[]): Promise<Map<string, Advocacy>> {
    if (ids.length === 0) return new Map();
    const [nps, referrals, reviews] = await Promise.all([
      this.models.surveyAnswers.aggregate<LatestNpsRow>(advocacyPipelines.latestNps(ids) as never[]),
      this.models.referrals.aggregate<CountRow>(advocacyPipelines.referrals(ids) as never[]),
      this.models.reviews.aggregate<ReviewStatsRow>(advocacyPipelines.reviews(ids) as never[]),
    ]);
    return advocacyByCustomer(ids, nps, referrals, reviews);
  }
}
