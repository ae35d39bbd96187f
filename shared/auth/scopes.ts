/**
 * Every scope the graph knows, in one place. Policy rules (`@requiresScopes`) and the roles table name
 * only these; a token's `scope` claim is intersected with them, so a typo never grants anything.
 */
export const SCOPES = {
  /** Customer profiles without direct identifiers: ids, status, lifecycle, value, consents, activity. */
  CUSTOMER_READ: 'customer:read',
  /** Personal data fields, masked (e•••@example.com, +36 •• ••• 5959, initials, birth year, city). */
  PII_READ: 'pii:read',
  /** Personal data unmasked, on an explicit reveal (recorded in the audit log). */
  PII_REVEAL: 'pii:reveal',
  /** Create and update profiles, identifiers, consents, touchpoints, survey answers, reviews, referrals. */
  CUSTOMER_WRITE: 'customer:write',
  /** Campaigns and segments. */
  MARKETING_WRITE: 'marketing:write',
  /** Tickets with their messages, calls and chats. */
  SUPPORT_READ: 'support:read',
  /** Open and annotate tickets, record interactions. */
  SUPPORT_WRITE: 'support:write',
  /** Orders, returns, products, order imports. */
  SALES_WRITE: 'sales:write',
  /** Aggregates and the fitted value model. */
  ANALYTICS_READ: 'analytics:read',
  /** Refit the value model. */
  ANALYTICS_WRITE: 'analytics:write',
  /** Duplicate search, merges, unmerges, households. */
  IDENTITY_MERGE: 'identity:merge',
  /** The audit log. */
  AUDIT_READ: 'audit:read',
  /** Data-subject rights: export everything held about a person (GDPR Art. 15). */
  GDPR_EXPORT: 'gdpr:export',
  /** Data-subject rights: erase a person (GDPR Art. 17). */
  GDPR_ERASE: 'gdpr:erase',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export const ALL_SCOPES: readonly Scope[] = Object.values(SCOPES);

const KNOWN = new Set<string>(ALL_SCOPES);
export const isScope = (value: string): value is Scope => KNOWN.has(value);
