/**
 * The @requires selection of each computed field: exactly the facts its rules read, so asking for
 * `value` alone never makes the gateway call support. tests/unit/insights/customer.requires.test.ts
 * checks that each rule gives the same answer from its selection as from every fact.
 */
export const LIFECYCLE_REQUIRES = [
  'engagement { firstSeenAt lastTouchpointAt touchpointsLast30Days touchpointsLast90Days educationTouchpointsLast90Days }',
  'advocacy { lastNpsScore lastNpsAt referralsCount reviewsCount averageReviewRating }',
  'purchaseStats { orderCount firstOrderAt lastOrderAt lastReturnAt }',
  'supportStats { openComplaints complaintsLast30Days lastContactAt averageSatisfaction lastNegativeSentimentAt }',
  'valueModelFacts { purchaseModel probabilityAlive probablyGoneAt }',
].join(' ');

export const VALUE_REQUIRES = [
  'purchaseStats { orderCount totalRevenue { amountMinor currency } averageOrderValue { amountMinor currency } firstOrderAt lastOrderAt }',
  'advocacy { lastNpsScore referralsCount }',
].join(' ');

export const CONTACT_REQUIRES = [
  'consents { channel purpose granted updatedAt }',
  'timeZone',
  'quietHours { start end }',
  'engagement { preferredChannel preferredHour }',
  'advocacy { lastNpsScore lastNpsAt }',
  'purchaseStats { lastReturnAt }',
  'supportStats { openComplaints }',
].join(' ');
