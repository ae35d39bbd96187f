import { TouchpointChannel } from '../../../../shared/contract';
import { TimelineKind, TimelineSource } from '../../../../shared/contract/timeline';
import type { TimelineEntryData } from '../../../../shared/timeline/timeline.logic';
import { channelMatch, withoutChannel } from '../../../../shared/timeline/timeline.logic';
import { timelineCollection, type TimelineReader } from '../../../../shared/timeline/timeline.source';
import type { MarketingModels } from '../models';
import type { ReferralDoc } from '../referral/referral.model';
import type { ReviewDoc } from '../review/review.model';
import type { SurveyAnswerDoc } from '../survey/survey-answer.model';
import type { TouchpointDoc } from '../touchpoint/touchpoint.model';

const TOUCHPOINT_CHANNELS = Object.values(TouchpointChannel);
const source = TimelineSource.MARKETING;

// Summaries name what happened with codes and numbers only: no names, addresses or free text (comments).
export function touchpointEntry(doc: TouchpointDoc): TimelineEntryData {
  return {
    id: `touchpoint:${doc._id}`,
    at: doc.occurredAt,
    kind: TimelineKind.TOUCHPOINT,
    channel: doc.channel,
    summary: `${doc.type} on ${doc.channel}${doc.campaignId ? ` (campaign ${doc.campaignId})` : ''}`,
    source,
    subjectId: doc._id,
    orderId: null,
  };
}

export function surveyAnswerEntry(doc: SurveyAnswerDoc): TimelineEntryData {
  return {
    id: `survey:${doc._id}`,
    at: doc.answeredAt,
    kind: TimelineKind.SURVEY_ANSWER,
    channel: doc.channel ?? null,
    summary: `Answered survey ${doc.surveyId}: ${doc.score}/10`,
    source,
    subjectId: doc._id,
    orderId: null,
  };
}

export function reviewEntry(doc: ReviewDoc): TimelineEntryData {
  return {
    id: `review:${doc._id}`,
    at: doc.reviewedAt,
    kind: TimelineKind.REVIEW,
    channel: null,
    summary: `Reviewed ${doc.productId ? `product ${doc.productId}` : 'us'}: ${doc.rating}/5`,
    source,
    subjectId: doc._id,
    orderId: null,
  };
}

export function referralEntry(doc: ReferralDoc): TimelineEntryData {
  return {
    id: `referral:${doc._id}`,
    at: doc.referredAt,
    kind: TimelineKind.REFERRAL,
    channel: null,
    summary: doc.referredCustomerId
      ? `Referred customer ${doc.referredCustomerId}`
      : 'Referred someone by email',
    source,
    subjectId: doc._id,
    orderId: null,
  };
}

/** Marketing's collections on the timeline (each read through its customer/time index). */
export function marketingTimelineCollections(models: MarketingModels): TimelineReader[] {
  return [
    timelineCollection({
      model: models.touchpoints,
      prefix: 'touchpoint',
      customerField: 'customerId',
      timeField: 'occurredAt',
      kinds: [TimelineKind.TOUCHPOINT],
      match: (filter) => channelMatch(filter, TOUCHPOINT_CHANNELS),
      toEntry: touchpointEntry,
    }),
    timelineCollection({
      model: models.surveyAnswers,
      prefix: 'survey',
      customerField: 'customerId',
      timeField: 'answeredAt',
      kinds: [TimelineKind.SURVEY_ANSWER],
      match: (filter) => channelMatch(filter, TOUCHPOINT_CHANNELS),
      toEntry: surveyAnswerEntry,
    }),
    timelineCollection({
      model: models.reviews,
      prefix: 'review',
      customerField: 'customerId',
      timeField: 'reviewedAt',
      kinds: [TimelineKind.REVIEW],
      match: withoutChannel,
      toEntry: reviewEntry,
    }),
    timelineCollection({
      model: models.referrals,
      prefix: 'referral',
      customerField: 'referrerId',
      timeField: 'referredAt',
      kinds: [TimelineKind.REFERRAL],
      match: withoutChannel,
      toEntry: referralEntry,
    }),
  ];
}
