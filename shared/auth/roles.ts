import { ALL_SCOPES, SCOPES, type Scope } from './scopes';

export const ROLE_NAMES = ['agent', 'marketer', 'analyst', 'admin', 'service'] as const;
export type Role = (typeof ROLE_NAMES)[number];

export interface RoleDefinition {
  /** What a person in this role does; printed in the README's roles table and with demo tokens. */
  description: string;
  /** Scopes the role grants. `service` grants none: machine clients carry explicit scopes in the token. */
  scopes: readonly Scope[];
}

const { CUSTOMER_READ, PII_READ, SUPPORT_READ, SUPPORT_WRITE, CUSTOMER_WRITE, MARKETING_WRITE } = SCOPES;

/**
 * The roles table: the one place where a role becomes scopes. Policy rules only ever name scopes.
 */
export const ROLES: Readonly<Record<Role, RoleDefinition>> = {
  agent: {
    description:
      "Support agent: one customer's context with personal data masked, tickets and their messages; opens and annotates tickets",
    scopes: [CUSTOMER_READ, PII_READ, SUPPORT_READ, SUPPORT_WRITE],
  },
  marketer: {
    description:
      'Marketer: segments, campaigns, consents and contact eligibility, personal data masked; records touchpoints and consents',
    scopes: [CUSTOMER_READ, PII_READ, CUSTOMER_WRITE, MARKETING_WRITE],
  },
  analyst: {
    description:
      'Analyst: aggregates, lifecycle and the value model; no direct identifiers and no support conversations',
    scopes: [CUSTOMER_READ, SCOPES.ANALYTICS_READ],
  },
  admin: {
    description:
      'Administrator: everything, including revealing personal data, merges, the audit log, export and erasure',
    scopes: ALL_SCOPES,
  },
  service: {
    description: "Machine client: exactly the scopes in its token's `scope` claim",
    scopes: [],
  },
};

export const isRole = (value: string): value is Role => (ROLE_NAMES as readonly string[]).includes(value);

/** The scopes of a set of roles plus the explicit scopes a `service` token carries. */
export function scopesOf(roles: readonly Role[], explicit: readonly Scope[]): Scope[] {
  const out = new Set<Scope>();
  for (const role of roles) for (const s of ROLES[role].scopes) out.add(s);
  if (roles.includes('service')) for (const s of explicit) out.add(s);
  return [...out].sort();
}
