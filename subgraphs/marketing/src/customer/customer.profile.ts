import { badInput } from '../../../../shared/errors';
import type {
  ConsentRecord,
  CustomerDoc,
  CustomerEmail,
  CustomerIdentifier,
  CustomerPhone,
  CustomerSocialHandle,
} from './customer.model';
import type {
  CreateCustomerInput,
  EmailInput,
  IdentifierInput,
  PhoneInput,
  ProfileFieldsInput,
  SocialHandleInput,
} from './customer.input';
import { CustomerStatus, STORED_IDENTIFIER_KINDS, type StoredIdentifierKind } from './customer.enums';
import { canonicalTimeZone } from '../../../../shared/time/time-zone';
import { deriveKeys } from './customer.derive';
import {
  normalizeEmail,
  normalizeIdentifierValue,
  normalizePhone,
  normalizeSocialHandle,
} from './identifier.normalize';

/**
 * Input → stored profile fields: normalization for storage, duplicate and primary checks. Pure, so every
 * rule here is unit-tested; errors name the input field (`phones.1.number`).
 */

export interface ProfileContext {
  now: Date;
  /** Region for phone numbers written without a country code when the profile gives no country. */
  defaultPhoneRegion?: string;
}

/** Keeps exactly one primary: the marked one, else the first; more than one marked is an input error. */
function onePrimary<T extends { primary: boolean }>(items: T[], field: string): T[] {
  const marked = items.filter((i) => i.primary).length;
  if (marked > 1) throw badInput(field, 'only one entry may be primary');
  if (items.length > 0 && marked === 0) return items.map((item, i) => ({ ...item, primary: i === 0 }));
  return items;
}

export function buildEmails(
  inputs: readonly Pick<EmailInput, 'address' | 'primary'>[],
  field: string,
  now: Date,
  existing: readonly CustomerEmail[] = [],
): CustomerEmail[] {
  const seen = new Set<string>();
  const out = inputs.map((input, i) => {
    const n = normalizeEmail(input.address);
    if (!n.ok) throw badInput(`${field}.${i}.address`, n.reason);
    if (seen.has(n.value)) throw badInput(`${field}.${i}.address`, 'is listed twice');
    seen.add(n.value);
    const kept = existing.find((e) => e.normalized === n.value);
    return {
      address: input.address.trim(),
      normalized: n.value,
      primary: !!input.primary,
      addedAt: kept?.addedAt ?? now,
    };
  });
  return onePrimary(out, field);
}

export function buildPhones(
  inputs: readonly Pick<PhoneInput, 'number' | 'kind' | 'primary'>[],
  field: string,
  now: Date,
  region: string | undefined,
  existing: readonly CustomerPhone[] = [],
): CustomerPhone[] {
  const seen = new Set<string>();
  const out = inputs.map((input, i) => {
    const n = normalizePhone(input.number, region);
    if (!n.ok) throw badInput(`${field}.${i}.number`, n.reason);
    if (seen.has(n.value)) throw badInput(`${field}.${i}.number`, 'is listed twice');
    seen.add(n.value);
    const kept = existing.find((p) => p.number === n.value);
    return { number: n.value, kind: input.kind, primary: !!input.primary, addedAt: kept?.addedAt ?? now };
  });
  return onePrimary(out, field);
}

export function buildIdentifiers(
  inputs: readonly Pick<IdentifierInput, 'kind' | 'value' | 'source'>[],
  field: string,
  now: Date,
): CustomerIdentifier[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    if (!(STORED_IDENTIFIER_KINDS as readonly string[]).includes(input.kind)) {
      throw badInput(`${field}.${i}.kind`, `must be one of ${STORED_IDENTIFIER_KINDS.join(', ')}`);
    }
    const n = normalizeIdentifierValue(input.kind, input.value);
    if (!n.ok) throw badInput(`${field}.${i}.value`, n.reason);
    const key = `${input.kind}:${n.value}`;
    if (seen.has(key)) throw badInput(`${field}.${i}.value`, 'is listed twice');
    seen.add(key);
    return {
      kind: input.kind as StoredIdentifierKind,
      value: input.value.trim(),
      normalized: n.value,
      ...(input.source ? { source: input.source } : {}),
      addedAt: now,
    };
  });
}

export function buildSocialHandles(
  inputs: readonly SocialHandleInput[],
  field: string,
): CustomerSocialHandle[] {
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const n = normalizeSocialHandle(input.handle);
    if (!n.ok) throw badInput(`${field}.${i}.handle`, n.reason);
    const key = `${input.network}:${n.value}`;
    if (seen.has(key)) throw badInput(`${field}.${i}.handle`, 'is listed twice');
    seen.add(key);
    return { network: input.network, handle: input.handle.trim().replace(/^@+/, ''), normalized: n.value };
  });
}

type NonNullFields<T> = { [K in keyof T]?: Exclude<T[K], null> };

/** Drops null/undefined/blank members; returns undefined when nothing is left (so the field is unset). */
function compact<T extends object>(value: T | null | undefined): NonNullFields<T> | undefined {
  if (!value) return undefined;
  const out: NonNullFields<T> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    const trimmed = typeof v === 'string' ? v.trim() : v;
    if (trimmed === '') continue;
    (out as Record<string, unknown>)[k] = trimmed;
  }
  return Object.keys(out).length ? out : undefined;
}

const trimmed = (v: string | null | undefined) => (v == null ? undefined : v.trim() || undefined);

/** The region phone numbers without a country code are read in: the profile's own country first. */
export function phoneRegionOf(
  p: { address?: { country?: string | null } | null; demographics?: { country?: string | null } | null },
  fallback?: string,
): string | undefined {
  return p.address?.country ?? p.demographics?.country ?? fallback;
}

type ProfileFields = Omit<CustomerDoc, '_id' | 'createdAt' | 'updatedAt'>;

export function profileFromCreate(input: CreateCustomerInput, ctx: ProfileContext): ProfileFields {
  const emailInputs: Array<Pick<EmailInput, 'address' | 'primary'>> = [...(input.emails ?? [])];
  if (input.email) {
    // The shorthand is the primary address, even when `emails` lists others.
    for (const e of emailInputs) e.primary = false;
    emailInputs.unshift({ address: input.email, primary: true });
  }
  const region = phoneRegionOf(input, ctx.defaultPhoneRegion);
  const consents: ConsentRecord[] = [];
  for (const [i, c] of (input.consents ?? []).entries()) {
    if (consents.some((x) => x.channel === c.channel && x.purpose === c.purpose)) {
      throw badInput(`consents.${i}`, `${c.channel}/${c.purpose} is listed twice`);
    }
    consents.push({
      channel: c.channel,
      purpose: c.purpose,
      granted: c.granted,
      source: c.source,
      updatedAt: ctx.now,
    });
  }
  const base = {
    status: CustomerStatus.ACTIVE,
    givenName: trimmed(input.givenName),
    familyName: trimmed(input.familyName),
    displayName: trimmed(input.displayName),
    emails: buildEmails(emailInputs, input.email ? 'email' : 'emails', ctx.now),
    phones: buildPhones(input.phones ?? [], 'phones', ctx.now, region),
    identifiers: buildIdentifiers(input.identifiers ?? [], 'identifiers', ctx.now),
    socialHandles: buildSocialHandles(input.socialHandles ?? [], 'socialHandles'),
    householdId: trimmed(input.householdId),
    demographics: compact(input.demographics),
    address: compact(input.address),
    birthDate: input.birthDate ?? undefined,
    language: input.language ?? undefined,
    timeZone: input.timeZone ? (canonicalTimeZone(input.timeZone) ?? undefined) : undefined,
    quietHours: input.quietHours ? { start: input.quietHours.start, end: input.quietHours.end } : undefined,
    consents,
    consentHistory: consents.map((c) => ({ ...c, recordedAt: ctx.now })),
    segmentIds: [],
    revision: 0,
  };
  return { ...base, ...deriveKeys(base) };
}

export interface ProfileUpdate {
  set: Partial<ProfileFields>;
  unset: string[];
}

/**
 * The `$set` / `$unset` for an update: omitted input fields stay as they are, `null` clears, lists replace.
 * Derived keys are recomputed from the resulting profile.
 */
export function profileUpdate(
  doc: CustomerDoc,
  input: ProfileFieldsInput,
  ctx: ProfileContext,
): ProfileUpdate {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const scalar = (key: keyof ProfileFieldsInput & keyof CustomerDoc, value: unknown) => {
    if (value === undefined) return;
    if (value === null) unset.push(key);
    else set[key] = value;
  };
  const str = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null ? null : (trimmed(v) ?? null);
  scalar('givenName', str(input.givenName));
  scalar('familyName', str(input.familyName));
  scalar('displayName', str(input.displayName));
  scalar('householdId', str(input.householdId));
  scalar('birthDate', input.birthDate);
  scalar('language', input.language);
  scalar('timeZone', input.timeZone == null ? input.timeZone : canonicalTimeZone(input.timeZone));
  scalar(
    'quietHours',
    input.quietHours === undefined ? undefined : input.quietHours && { ...input.quietHours },
  );
  if (input.demographics !== undefined) scalar('demographics', compact(input.demographics) ?? null);
  if (input.address !== undefined) scalar('address', compact(input.address) ?? null);

  const next = { ...doc, ...set } as CustomerDoc;
  for (const k of unset) delete (next as unknown as Record<string, unknown>)[k];
  if (input.emails !== undefined)
    set.emails = next.emails = buildEmails(input.emails ?? [], 'emails', ctx.now, doc.emails);
  if (input.phones !== undefined) {
    const region = phoneRegionOf(next, ctx.defaultPhoneRegion);
    set.phones = next.phones = buildPhones(input.phones ?? [], 'phones', ctx.now, region, doc.phones);
  }
  if (input.socialHandles !== undefined) {
    set.socialHandles = next.socialHandles = buildSocialHandles(input.socialHandles ?? [], 'socialHandles');
  }
  Object.assign(set, deriveKeys(next));
  return { set: set as Partial<ProfileFields>, unset };
}
