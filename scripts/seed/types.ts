import type {
  CampaignObjective,
  CampaignStatus,
} from '../../subgraphs/marketing/src/campaign/campaign.enums';
import type {
  ConsentChannel,
  ConsentPurpose,
  ConsentSource,
} from '../../subgraphs/marketing/src/consent/consent.enums';
import type {
  AgeBand,
  CustomerGender,
  PhoneKind,
  SocialNetwork,
  StoredIdentifierKind,
} from '../../subgraphs/marketing/src/customer/customer.enums';
import type { SegmentKind } from '../../subgraphs/marketing/src/segment/segment.enums';
import type {
  TouchpointChannel,
  TouchpointType,
} from '../../subgraphs/marketing/src/touchpoint/touchpoint.enums';
import type { OrderChannel } from '../../subgraphs/sales/src/order/order.enums';
import type { ReturnReason } from '../../subgraphs/sales/src/return/return.enums';
import type {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketPriority,
  TicketStatus,
} from '../../subgraphs/support/src/ticket/ticket.enums';
import type { CountryCode } from './places.data';
import type { Locale } from './names.data';

/*
 * The story generator's output: plain data describing what happened to whom and when. It uses the
 * subgraphs' enum values (so the writer maps without translation) but knows nothing of documents or
 * databases; `documents.ts` turns it into rows.
 */

/** The persona a customer's history is written for; the lifecycle stage the insights rules should find. */
export type Archetype =
  | 'DISCOVERER'
  | 'LEARNER'
  | 'FIRST_TIME_BUYER'
  | 'REPEAT_BUYER'
  | 'ADVOCATE'
  | 'AT_RISK'
  | 'COMPLAINER'
  | 'CHURNED';

export const ARCHETYPES: readonly Archetype[] = [
  'DISCOVERER',
  'LEARNER',
  'FIRST_TIME_BUYER',
  'REPEAT_BUYER',
  'ADVOCATE',
  'AT_RISK',
  'COMPLAINER',
  'CHURNED',
];

/** The insights lifecycle stage each archetype is written to land in. */
export const EXPECTED_STAGE: Readonly<Record<Archetype, string>> = {
  DISCOVERER: 'DISCOVERY',
  LEARNER: 'EDUCATION',
  FIRST_TIME_BUYER: 'PURCHASE',
  REPEAT_BUYER: 'POST_PURCHASE_ENGAGEMENT',
  ADVOCATE: 'ADVOCACY',
  AT_RISK: 'AT_RISK',
  COMPLAINER: 'AT_RISK',
  CHURNED: 'CHURNED',
};

export interface EmailPlan {
  address: string;
  primary: boolean;
  addedAt: Date;
}

export interface PhonePlan {
  /** E.164. */
  number: string;
  kind: PhoneKind;
  primary: boolean;
  addedAt: Date;
}

export interface IdentifierPlan {
  kind: StoredIdentifierKind;
  value: string;
  source: string;
  addedAt: Date;
}

export interface AddressPlan {
  street: string;
  houseNumber: string;
  city: string;
  postcode: string;
  region: string;
  country: CountryCode;
}

export interface ConsentDecision {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  granted: boolean;
  source: ConsentSource;
  /** When the customer decided. */
  at: Date;
}

/** Who the profile says the customer is. Duplicate profiles carry their own (slightly wrong) version. */
export interface ProfilePlan {
  customerId: string;
  /** The real person behind the profile: duplicate profiles share it with the original. */
  personKey: string;
  /** The original profile's id when this profile is a deliberate duplicate. */
  duplicateOf?: string;
  /** How this duplicate differs from the original (`typo`, `nickname`, `other-email`, …). */
  corruptions: string[];
  /** People living together (same address and family name, often a shared landline). */
  householdKey?: string;
  locale: Locale;
  country: CountryCode;
  language: string;
  timeZone: string;
  givenName?: string;
  familyName?: string;
  sex: 'male' | 'female';
  emails: EmailPlan[];
  phones: PhonePlan[];
  identifiers: IdentifierPlan[];
  socialHandles: { network: SocialNetwork; handle: string }[];
  address?: AddressPlan;
  birthDate?: string;
  ageBand?: AgeBand;
  gender?: CustomerGender;
  quietHours?: { start: string; end: string };
  /** Every consent decision, oldest first. */
  consents: ConsentDecision[];
  segmentKeys: string[];
  createdAt: Date;
}

export interface TouchpointPlan {
  channel: TouchpointChannel;
  type: TouchpointType;
  occurredAt: Date;
  campaignKey?: string;
  source: string;
  properties?: Record<string, string | number | boolean>;
}

export interface OrderLinePlan {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface OrderPlan {
  orderId: string;
  orderNumber: string;
  channel: OrderChannel;
  placedAt: Date;
  /** Fulfilment status before any return (PENDING, PAID, SHIPPED, DELIVERED or CANCELLED). */
  fulfilment: 'PENDING' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';
  lines: OrderLinePlan[];
  discountMinor: number;
  shippingMinor: number;
  campaignKey?: string;
}

export interface ReturnPlan {
  returnId: string;
  orderId: string;
  items: { sku: string; quantity: number }[];
  reason: ReturnReason;
  comment?: string;
  createdAt: Date;
  processedAt: Date | null;
}

export type TicketEvent =
  | { kind: 'message'; author: TicketMessageAuthor; body: string; at: Date; channel?: TicketChannel }
  | { kind: 'status'; to: TicketStatus; reason: string; at: Date }
  | { kind: 'rating'; score: number; comment?: string; at: Date };

export interface TicketPlan {
  ticketId: string;
  channel: TicketChannel;
  category: TicketCategory;
  priority: TicketPriority;
  subject: string;
  orderId?: string;
  /** Chronological; the first is the customer's opening message. */
  events: TicketEvent[];
}

export interface SurveyPlan {
  surveyId: string;
  score: number;
  comment?: string;
  channel: TouchpointChannel;
  answeredAt: Date;
}

export interface ReviewPlan {
  sku?: string;
  rating: number;
  title: string;
  text: string;
  reviewedAt: Date;
}

export interface ReferralPlan {
  referredEmail?: string;
  referredCustomerId?: string;
  referredAt: Date;
}

export interface CustomerPlan {
  profile: ProfilePlan;
  archetype: Archetype;
  /** Quiet customers leave few traces (a profile, a handful of touchpoints). */
  quiet: boolean;
  /** Local hour around which this customer engages (0–23). */
  peakHour: number;
  touchpoints: TouchpointPlan[];
  orders: OrderPlan[];
  returns: ReturnPlan[];
  tickets: TicketPlan[];
  surveys: SurveyPlan[];
  reviews: ReviewPlan[];
  referrals: ReferralPlan[];
}

export interface CampaignPlan {
  key: string;
  campaignId: string;
  name: string;
  channel: TouchpointChannel;
  objective: CampaignObjective;
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
  description: string;
  createdAt: Date;
}

export interface SegmentPlan {
  key: string;
  segmentId: string;
  name: string;
  description: string;
  kind: SegmentKind;
  rules?: Record<string, unknown>;
  createdAt: Date;
}

export interface DemoStory {
  seed: number;
  asOf: Date;
  campaigns: CampaignPlan[];
  segments: SegmentPlan[];
  customers: CustomerPlan[];
}
