import { isRole, type Role } from './roles';
import { isScope, type Scope } from './scopes';

/** Who is asking: the token's subject, its roles and the scopes they grant. */
export interface Principal {
  subject: string;
  roles: Role[];
  scopes: Scope[];
  tenant?: string;
}

/**
 * What a subgraph learns about a request from the gateway's signed `x-c360-principal` header: the principal,
 * the request id, and whether the caller asked to reveal personal data (with the reason they gave).
 */
export interface RequestAuth {
  principal: Principal;
  requestId: string;
  /** Set when the caller sent `x-pii-reveal: <reason>`; only holders of `pii:reveal` see unmasked data. */
  revealReason?: string;
}

export const hasScope = (principal: Principal, scope: Scope): boolean => principal.scopes.includes(scope);

/**
 * Federation's `@requiresScopes(scopes: [[a, b], [c]])`: the outer list is OR, each inner list AND.
 */
export function satisfiesScopes(principal: Principal, anyOf: readonly (readonly string[])[]): boolean {
  return anyOf.some((all) => all.every((s) => (principal.scopes as readonly string[]).includes(s)));
}

/** Whether unmasked personal data may be returned for this request. */
export const mayReveal = (auth: RequestAuth): boolean =>
  auth.revealReason !== undefined && hasScope(auth.principal, 'pii:reveal');

/** base64url(JSON) of the request's auth; the value is covered by the gateway's HMAC signature. */
export function encodeRequestAuth(auth: RequestAuth): string {
  const { principal: p } = auth;
  const compact = {
    sub: p.subject,
    roles: p.roles,
    scopes: p.scopes,
    ...(p.tenant ? { tenant: p.tenant } : {}),
    rid: auth.requestId,
    ...(auth.revealReason !== undefined ? { reveal: auth.revealReason } : {}),
  };
  return Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

/** Reads the header back; undefined when it is not what `encodeRequestAuth` writes. */
export function decodeRequestAuth(value: string): RequestAuth | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof o.sub !== 'string' || typeof o.rid !== 'string' || !strings(o.roles) || !strings(o.scopes))
    return undefined;
  return {
    principal: {
      subject: o.sub,
      roles: (o.roles as string[]).filter(isRole),
      scopes: (o.scopes as string[]).filter(isScope),
      ...(typeof o.tenant === 'string' ? { tenant: o.tenant } : {}),
    },
    requestId: o.rid,
    ...(typeof o.reveal === 'string' ? { revealReason: o.reveal } : {}),
  };
}
