import type { Connection } from 'mongoose';
import { attributionModels } from './attribution/attribution.model';
import { campaignModel } from './campaign/campaign.model';
import { customerModel } from './customer/customer.model';
import { identityJobModel, identityModelModel } from './matching/identity-job.model';
import { mergeModel } from './merge/merge.model';
import { referralModel } from './referral/referral.model';
import { reviewModel } from './review/review.model';
import { segmentModel } from './segment/segment.model';
import { surveyAnswerModel } from './survey/survey-answer.model';
import { touchpointModel } from './touchpoint/touchpoint.model';

/** Every model of this subgraph, bound to its own connection (several subgraphs may share a process). */
export function createModels(connection: Connection) {
  return {
    customers: customerModel(connection),
    touchpoints: touchpointModel(connection),
    campaigns: campaignModel(connection),
    segments: segmentModel(connection),
    surveyAnswers: surveyAnswerModel(connection),
    referrals: referralModel(connection),
    reviews: reviewModel(connection),
    merges: mergeModel(connection),
    identityJobs: identityJobModel(connection),
    identityModels: identityModelModel(connection),
    ...attributionModels(connection),
  };
}

export type MarketingModels = ReturnType<typeof createModels>;
