import type { MaskKind } from './masking';
import { SCOPES, type Scope } from './scopes';

/**
 * The access policy of the whole graph, declared once, keyed by schema coordinate (`Type.field`). Each
 * subgraph's schema build (shared/federation) applies the rows of the fields it defines: it prints them as
 * Federation `@requiresScopes` directives (so the composed supergraph carries them and Apollo Router or
 * Hive Gateway enforce the same policy), and wraps the field's resolver to check the scopes and apply the
 * mask wherever the field resolves — root queries, nested paths and `_entities` alike. Our gateway reads
 * the directives back from the supergraph and removes forbidden fields before planning.
 *
 * A table rather than decorators on ~60 fields in 20 type files: the policy is reviewed in one place, a
 * change to it is one diff, and a test walks the composed supergraph for personal-data fields without a
 * row. Fields without a row are readable by any verified principal that could reach them; every root field
 * has a row, so reaching anything takes a scope.
 */
export interface FieldPolicy {
  /** `@requiresScopes`: any inner list, all of its scopes. */
  scopes: Scope[][];
  /**
   * The field returns personal data of this kind: masked unless the caller holds `pii:reveal` and asked to
   * reveal (`x-pii-reveal: <reason>`); every reveal is recorded in the audit log.
   */
  pii?: MaskKind;
}

const any = (...scopes: Scope[]): Scope[][] => scopes.map((s) => [s]);
const {
  CUSTOMER_READ,
  PII_READ,
  CUSTOMER_WRITE,
  MARKETING_WRITE,
  SUPPORT_READ,
  SUPPORT_WRITE,
  SALES_WRITE,
  ANALYTICS_READ,
  ANALYTICS_WRITE,
  IDENTITY_MERGE,
  AUDIT_READ,
  GDPR_EXPORT,
  GDPR_ERASE,
} = SCOPES;

const read: FieldPolicy = { scopes: any(CUSTOMER_READ) };
const pii = (kind: MaskKind): FieldPolicy => ({ scopes: any(PII_READ), pii: kind });
const needs = (...scopes: Scope[]): FieldPolicy => ({ scopes: any(...scopes) });

export const POLICY: Readonly<Record<string, FieldPolicy>> = {
  // Entry points: reading anything takes a scope.
  'Query.customer': read,
  'Query.customers': read,
  'Query.customerByIdentifier': read,
  'Query.customersByIdentifier': read,
  'Query.resolveIdentity': read,
  // The agent console shows a caller's likely duplicates; their personal fields keep their own rules.
  'Query.matchCandidates': read,
  'Query.identityJob': needs(IDENTITY_MERGE),
  'Query.duplicateReviewList': needs(IDENTITY_MERGE),
  'Query.identityModel': needs(IDENTITY_MERGE),
  'Query.merge': needs(IDENTITY_MERGE),
  'Query.campaign': read,
  'Query.campaigns': read,
  'Query.segment': read,
  'Query.segments': read,
  'Query.valueModel': needs(ANALYTICS_READ),
  'Query.valueModels': needs(ANALYTICS_READ),
  // Credit per channel or campaign: aggregates over many people, for analysts and marketers.
  'Query.attributionReport': needs(ANALYTICS_READ, MARKETING_WRITE),
  'Query.order': read,
  'Query.orderByNumber': read,
  'Query.product': read,
  'Query.products': read,
  'Query.ticket': needs(SUPPORT_READ),
  'Query.tickets': needs(SUPPORT_READ),
  'Query.auditLog': needs(AUDIT_READ),
  'Query.consentHistory': read,
  'Query.exportCustomerData': needs(GDPR_EXPORT),

  // Writes.
  'Mutation.createCustomer': needs(CUSTOMER_WRITE),
  'Mutation.importCustomers': needs(CUSTOMER_WRITE),
  'Mutation.updateCustomer': needs(CUSTOMER_WRITE),
  'Mutation.addIdentifier': needs(CUSTOMER_WRITE),
  'Mutation.setConsent': needs(CUSTOMER_WRITE),
  'Mutation.recordTouchpoint': needs(CUSTOMER_WRITE),
  'Mutation.recordTouchpoints': needs(CUSTOMER_WRITE),
  'Mutation.recordSurveyAnswer': needs(CUSTOMER_WRITE),
  'Mutation.recordReferral': needs(CUSTOMER_WRITE),
  'Mutation.recordReview': needs(CUSTOMER_WRITE),
  'Mutation.createCampaign': needs(MARKETING_WRITE),
  'Mutation.setCampaignStatus': needs(MARKETING_WRITE),
  'Mutation.setCampaignCost': needs(MARKETING_WRITE),
  'Mutation.createSegment': needs(MARKETING_WRITE),
  'Mutation.addCustomerToSegment': needs(MARKETING_WRITE),
  'Mutation.removeCustomerFromSegment': needs(MARKETING_WRITE),
  'Mutation.findDuplicates': needs(IDENTITY_MERGE),
  'Mutation.recomputeHouseholds': needs(IDENTITY_MERGE),
  'Mutation.mergeCustomers': needs(IDENTITY_MERGE),
  'Mutation.unmergeCustomer': needs(IDENTITY_MERGE),
  'Mutation.placeOrder': needs(SALES_WRITE),
  'Mutation.changeOrderStatus': needs(SALES_WRITE),
  'Mutation.importOrders': needs(SALES_WRITE),
  'Mutation.createProduct': needs(SALES_WRITE),
  'Mutation.recordReturn': needs(SALES_WRITE),
  'Mutation.refitValueModel': needs(ANALYTICS_WRITE),
  'Mutation.activateValueModel': needs(ANALYTICS_WRITE),
  'Mutation.runAttribution': needs(ANALYTICS_WRITE),
  'Mutation.openTicket': needs(SUPPORT_WRITE),
  'Mutation.addTicketMessage': needs(SUPPORT_WRITE),
  'Mutation.changeTicketStatus': needs(SUPPORT_WRITE),
  'Mutation.rateTicket': needs(SUPPORT_WRITE),
  'Mutation.recordInteraction': needs(SUPPORT_WRITE),
  'Mutation.eraseCustomer': needs(GDPR_ERASE),

  // Direct identifiers of a person.
  'Customer.givenName': pii('name'),
  'Customer.familyName': pii('name'),
  'Customer.displayName': pii('name'),
  'Customer.email': pii('email'),
  'Email.address': pii('email'),
  'Phone.number': pii('phone'),
  'Identifier.value': pii('identifier'),
  'SocialHandle.handle': pii('handle'),
  // A LocalDate cannot hold a year alone: masked callers get null (demographics.ageBand stays).
  'Customer.birthDate': pii('withhold'),
  // An address is masked to its city and country.
  'PostalAddress.street': pii('withhold'),
  'PostalAddress.houseNumber': pii('withhold'),
  'PostalAddress.postcode': pii('withhold'),
  'PostalAddress.region': pii('withhold'),
  'Referral.referredEmail': pii('email'),
  // Values copied from profiles, and free text written by or about the person.
  'FieldSource.value': pii('text'),
  'Merge.rule': pii('text'),
  'Merge.reason': pii('text'),
  'Review.title': pii('text'),
  'Review.text': pii('text'),
  'SurveyAnswer.comment': pii('text'),
  'OrderReturn.comment': pii('text'),
  'SatisfactionRating.comment': pii('text'),
  // A timeline line can quote a ticket subject or a survey comment.
  'TimelineEntry.summary': pii('text'),
  'TimelineEvent.summary': pii('text'),
  // Insights @requires the summaries: composition wants the requiring fields to carry the same rule.
  'TimelinePage.edges': needs(PII_READ),
  'TimelinePage.pageInfo': needs(PII_READ),
  // Support conversations: for support (and admins), not for analysts or marketers.
  'Ticket.subject': needs(SUPPORT_READ),
  'Ticket.messages': needs(SUPPORT_READ),
  'TicketMessage.body': needs(SUPPORT_READ),
  'SupportInteraction.summary': needs(SUPPORT_READ),
};

/** The rows of a policy that apply to fields of these types (what one subgraph defines). */
export function policyRowsFor(
  has: (coordinate: string) => boolean,
  policy: Readonly<Record<string, FieldPolicy>> = POLICY,
): Array<[string, FieldPolicy]> {
  return Object.entries(policy).filter(([coordinate]) => has(coordinate));
}
