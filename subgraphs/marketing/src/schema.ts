import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { MoneyResolver } from '../../../shared/money/money.resolver';
import { CustomerAdvocacyResolver } from './advocacy/advocacy.resolver';
import {
  AttributionResolver,
  CampaignPerformanceResolver,
  OrderAttributionResolver,
} from './attribution/attribution.resolver';
import { Order } from './attribution/attribution.type';
import { CampaignResolver } from './campaign/campaign.resolver';
import { ConsentResolver } from './consent/consent.resolver';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerEngagementResolver } from './engagement/engagement.resolver';
import {
  CustomerHouseholdResolver,
  IdentityJobResolver,
  IdentityResolver,
} from './matching/matching.resolver';
import { CustomerMergeHistoryResolver, MergeResolver } from './merge/merge.resolver';
import { CustomerReferralsResolver, ReferralResolver } from './referral/referral.resolver';
import { CustomerReviewsResolver, ReviewResolver } from './review/review.resolver';
import { CustomerSegmentsResolver, SegmentResolver } from './segment/segment.resolver';
import { CustomerSurveyAnswersResolver, SurveyAnswerResolver } from './survey/survey-answer.resolver';
import {
  CustomerTimelineResolver,
  MarketingTimelineContributionResolver,
  timelinePageReference,
} from './timeline/timeline.resolver';
import { CustomerTouchpointsResolver, TouchpointResolver } from './touchpoint/touchpoint.resolver';

/** Builds the marketing subgraph schema; needs no database (used by `npm run compose`). */
export function buildMarketingSchema() {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      ConsentResolver,
      TouchpointResolver,
      CustomerTouchpointsResolver,
      CampaignResolver,
      SegmentResolver,
      CustomerSegmentsResolver,
      SurveyAnswerResolver,
      CustomerSurveyAnswersResolver,
      ReferralResolver,
      CustomerReferralsResolver,
      ReviewResolver,
      CustomerReviewsResolver,
      CustomerEngagementResolver,
      CustomerAdvocacyResolver,
      MergeResolver,
      CustomerMergeHistoryResolver,
      IdentityResolver,
      IdentityJobResolver,
      CustomerHouseholdResolver,
      AttributionResolver,
      OrderAttributionResolver,
      CampaignPerformanceResolver,
      CustomerTimelineResolver,
      MarketingTimelineContributionResolver,
      MoneyResolver,
    ],
    // Order is only the root of Order.attribution: type-graphql emits it only when listed.
    orphanedTypes: [Order],
    referenceResolvers: {
      Customer: { __resolveReference: resolveCustomerReference },
      Order: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
      TimelinePage: timelinePageReference,
    },
  });
}
