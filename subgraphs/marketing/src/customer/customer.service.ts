import { isDeepStrictEqual } from 'node:util';
import type { QueryFilter } from 'mongoose';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../../../../shared/errors';
import { applyConsent, type ConsentChange } from '../consent/consent.logic';
import type { Clock } from '../../../../shared/time/clock';
import type { Emit, EventOutbox } from '../../../../shared/events';
import {
  CustomerSort,
  CustomerStatus,
  EXCLUSIVE_IDENTIFIER_KINDS,
  IdentifierKind,
  STORED_IDENTIFIER_KINDS,
} from './customer.enums';
import type {
  AddIdentifierInput,
  CreateCustomerInput,
  CustomerFilter,
  ProfileFieldsInput,
} from './customer.input';
import { PROFILE_LIMITS } from './customer.input';
import type { CustomerDoc, CustomerModel } from './customer.model';
import { deriveKeys, exclusiveKeyOf } from './customer.derive';
import { buildCustomerFilter, customerAfterFilter, identifierFilter, sortOf } from './customer.query';
import { phoneRegionOf, profileFromCreate, profileUpdate } from './customer.profile';
import {
  normalizeEmail,
  normalizeIdentifierValue,
  normalizePhone,
  parseSocialIdentifier,
} from './identifier.normalize';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { identityKeysOf } from '../matching/identity-profile.mapper';

export interface CustomerServiceOptions {
  outbox: EventOutbox;
  clock: Clock;
  defaultPhoneRegion?: string;
}

/** Written by the service itself, not by the person: never named in customer.updated. */
const BOOKKEEPING_FIELDS = new Set([
  '_id',
  'revision',
  'updatedAt',
  'createdAt',
  'blockingKeys',
  'exclusiveKeys',
  'nameKey',
  'searchTokens',
  'consentHistory',
]);

/** Names (never values) of the profile fields whose stored value differs between two versions. */
export function changedProfileFields(before: CustomerDoc, after: CustomerDoc): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...keys].filter((k) => !BOOKKEEPING_FIELDS.has(k) && !isDeepStrictEqual(a[k], b[k])).sort();
}

/** Optimistic-concurrency retries before a write gives up with CONFLICT. */
const MAX_ATTEMPTS = 3;

export class CustomerService {
  constructor(
    private readonly customers: CustomerModel,
    private readonly options: CustomerServiceOptions,
  ) {}

  private ctx() {
    return { now: this.options.clock(), defaultPhoneRegion: this.options.defaultPhoneRegion };
  }

  async create(input: CreateCustomerInput): Promise<CustomerDoc> {
    const fields = profileFromCreate(input, this.ctx());
    await this.assertIdentitiesFree(fields, null);
    // One document: either all of the profile is stored or nothing (a racing duplicate hits the unique index).
    // Timestamps come from the service clock (one notion of "now" for filters and engagement windows).
    const now = this.options.clock();
    const blockingKeys = identityKeysOf({ _id: '', ...fields });
    // The profile and its customer.created event commit together.
    return this.options.outbox.runInTransaction(async (session, emit) => {
      const [doc] = await this.customers.create(
        [{ ...fields, blockingKeys, createdAt: now, updatedAt: now }],
        {
          timestamps: false,
          session,
        },
      );
      const customer = doc.toObject() as CustomerDoc;
      emit('customer.created', customer._id, { status: customer.status });
      return customer;
    });
  }

  async update(id: string, input: ProfileFieldsInput): Promise<CustomerDoc> {
    return this.modify(id, (doc) => {
      const { set, unset } = profileUpdate(doc, input, this.ctx());
      return { set, unset, check: { emails: set.emails } };
    });
  }

  async addIdentifier(input: AddIdentifierInput): Promise<CustomerDoc> {
    const now = this.options.clock();
    return this.modify(input.customerId, (doc) => {
      const region = phoneRegionOf(doc, this.options.defaultPhoneRegion);
      switch (input.kind) {
        case IdentifierKind.EMAIL: {
          const n = normalizeEmail(input.value);
          if (!n.ok) throw badInput('value', n.reason);
          const existing = doc.emails.find((e) => e.normalized === n.value);
          if (existing && (existing.primary || !input.primary)) return null;
          if (!existing && doc.emails.length >= PROFILE_LIMITS.emails) {
            throw badInput('value', `a profile keeps at most ${PROFILE_LIMITS.emails} emails`);
          }
          const emails = doc.emails.map((e) => ({
            ...e,
            primary: input.primary ? e.normalized === n.value : e.primary,
          }));
          if (!existing) {
            emails.push({
              address: input.value.trim(),
              normalized: n.value,
              primary: input.primary || emails.length === 0,
              addedAt: now,
            });
          }
          const derived = deriveKeys({ ...doc, emails });
          return { set: { emails, ...derived }, check: { emails } };
        }
        case IdentifierKind.PHONE: {
          const n = normalizePhone(input.value, region);
          if (!n.ok) throw badInput('value', n.reason);
          const existing = doc.phones.find((p) => p.number === n.value);
          if (existing && (existing.primary || !input.primary)) return null;
          if (!existing && doc.phones.length >= PROFILE_LIMITS.phones) {
            throw badInput('value', `a profile keeps at most ${PROFILE_LIMITS.phones} phones`);
          }
          const phones = doc.phones.map((p) => ({
            ...p,
            primary: input.primary ? p.number === n.value : p.primary,
          }));
          if (!existing) {
            phones.push({
              number: n.value,
              kind: input.phoneKind,
              primary: input.primary || phones.length === 0,
              addedAt: now,
            });
          }
          return { set: { phones } };
        }
        case IdentifierKind.SOCIAL_HANDLE: {
          const parsed = parseSocialIdentifier(input.value);
          if ('reason' in parsed) throw badInput('value', parsed.reason);
          if (doc.socialHandles.some((s) => s.network === parsed.network && s.normalized === parsed.handle))
            return null;
          if (doc.socialHandles.length >= PROFILE_LIMITS.socialHandles) {
            throw badInput('value', `a profile keeps at most ${PROFILE_LIMITS.socialHandles} social handles`);
          }
          const handle = input.value
            .slice(input.value.indexOf(':') + 1)
            .trim()
            .replace(/^@+/, '');
          const socialHandles = [
            ...doc.socialHandles,
            { network: parsed.network, handle, normalized: parsed.handle },
          ];
          return { set: { socialHandles } };
        }
        default: {
          const n = normalizeIdentifierValue(input.kind, input.value);
          if (!n.ok) throw badInput('value', n.reason);
          if (doc.identifiers.some((i) => i.kind === input.kind && i.normalized === n.value)) return null;
          if (doc.identifiers.length >= PROFILE_LIMITS.identifiers) {
            throw badInput('value', `a profile keeps at most ${PROFILE_LIMITS.identifiers} identifiers`);
          }
          const identifiers = [
            ...doc.identifiers,
            {
              kind: input.kind as (typeof STORED_IDENTIFIER_KINDS)[number],
              value: input.value.trim(),
              normalized: n.value,
              ...(input.source ? { source: input.source } : {}),
              addedAt: now,
            },
          ];
          return { set: { identifiers, ...deriveKeys({ ...doc, identifiers }) }, check: { identifiers } };
        }
      }
    });
  }

  async setConsent(customerId: string, change: Omit<ConsentChange, 'recordedAt'>): Promise<CustomerDoc> {
    const now = this.options.clock();
    if (change.updatedAt.getTime() > now.getTime() + 5 * 60_000)
      throw badInput('occurredAt', 'must not be in the future');
    return this.modify(
      customerId,
      (doc) => {
        const next = applyConsent(doc.consents, doc.consentHistory ?? [], { ...change, recordedAt: now });
        return { set: { consents: next.consents, consentHistory: next.history } };
      },
      (before, after, emit) => {
        // Only a change of the effective decision is an event: a late decision older than the stored one
        // (kept in the history only) or a repeated one is not.
        const was = before.consents.find((c) => c.channel === change.channel && c.purpose === change.purpose);
        const is = after.consents.find((c) => c.channel === change.channel && c.purpose === change.purpose);
        if (!is || (was && was.granted === is.granted)) return;
        emit('consent.changed', after._id, {
          channel: is.channel,
          purpose: is.purpose,
          granted: is.granted,
          previous: was ? was.granted : null,
        });
      },
    );
  }

  /**
   * Read → compute → write conditioned on the revision read, retried when another writer got in between:
   * a profile update never overwrites a concurrent one, and never half-applies. The write and its events
   * (customer.updated naming the changed fields, unless `describe` says otherwise) commit together.
   */
  private async modify(
    id: string,
    compute: (
      doc: CustomerDoc,
    ) => { set: Partial<CustomerDoc>; unset?: string[]; check?: Partial<CustomerDoc> } | null,
    describe: (before: CustomerDoc, after: CustomerDoc, emit: Emit) => void = (before, after, emit) => {
      const fields = changedProfileFields(before, after);
      if (fields.length) emit('customer.updated', after._id, { fields });
    },
  ): Promise<CustomerDoc> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const doc = await this.getActive(id);
      const change = compute(doc);
      if (!change) return doc; // nothing to do (e.g. the identifier is already on this profile)
      if (change.check) await this.assertIdentitiesFree(change.check, id);
      // Matching finds candidates through these keys, so they follow every identity change.
      const next = { ...doc, ...change.set } as CustomerDoc;
      for (const k of change.unset ?? []) delete (next as unknown as Record<string, unknown>)[k];
      const blockingKeys = identityKeysOf(next);
      const updated = await this.options.outbox.runInTransaction(async (session, emit) => {
        const after = await this.customers
          .findOneAndUpdate(
            { _id: id, revision: doc.revision, status: CustomerStatus.ACTIVE },
            {
              $set: { ...change.set, blockingKeys, updatedAt: this.options.clock() },
              ...(change.unset?.length
                ? { $unset: Object.fromEntries(change.unset.map((k) => [k, 1])) }
                : {}),
              $inc: { revision: 1 },
            },
            { returnDocument: 'after', runValidators: true, timestamps: false, session },
          )
          .lean<CustomerDoc>();
        if (after) describe(doc, after, emit);
        return after;
      });
      if (updated) return updated;
    }
    throw new AppError(ErrorCode.CONFLICT, `Customer ${id} is being changed concurrently; retry`, { id });
  }

  /** CONFLICT naming the field when an email or exclusive identifier already belongs to another profile. */
  private async assertIdentitiesFree(p: Partial<CustomerDoc>, selfId: string | null): Promise<void> {
    const emails = (p.emails ?? []).map((e) => e.normalized);
    const exclusive = (p.identifiers ?? []).filter((i) => EXCLUSIVE_IDENTIFIER_KINDS.includes(i.kind));
    const keys = exclusive.map(exclusiveKeyOf);
    if (emails.length === 0 && keys.length === 0) return;
    const or: QueryFilter<CustomerDoc>[] = [];
    // `$gt: ''` repeats the unique indexes' partial filter so the planner may use them.
    if (emails.length) or.push({ 'emails.normalized': { $in: emails, $gt: '' } });
    if (keys.length) or.push({ exclusiveKeys: { $in: keys, $gt: '' } });
    const holder = await this.customers
      .findOne(trustedFilter({ $or: or, ...(selfId ? { _id: { $ne: selfId } } : {}) }), {
        _id: 1,
        emails: 1,
        exclusiveKeys: 1,
      })
      .lean<Pick<CustomerDoc, '_id' | 'emails' | 'exclusiveKeys'>>();
    if (!holder) return;
    const email = emails.find((e) => holder.emails?.some((h) => h.normalized === e));
    if (email) {
      throw conflict(`Email ${email} already belongs to another customer`, {
        field: 'emails',
        value: email,
        existingCustomerId: holder._id,
      });
    }
    const taken =
      exclusive[
        Math.max(
          0,
          keys.findIndex((k) => holder.exclusiveKeys?.includes(k)),
        )
      ];
    throw conflict(
      `${taken.kind} ${taken.normalized}${taken.source ? ` from ${taken.source}` : ''} already belongs to another customer`,
      {
        field: 'identifiers',
        kind: taken.kind,
        value: taken.normalized,
        ...(taken.source ? { source: taken.source } : {}),
        existingCustomerId: holder._id,
      },
    );
  }

  async findMany(ids: readonly string[]): Promise<CustomerDoc[]> {
    return this.customers.find(trustedFilter({ _id: { $in: ids } })).lean<CustomerDoc[]>();
  }

  async get(id: string): Promise<CustomerDoc> {
    const doc = await this.customers.findById(id).lean<CustomerDoc>();
    if (!doc) throw notFound('Customer', id);
    return doc;
  }

  /** Writes go to active profiles only; a merged-away id is answered with the survivor's id to use. */
  async getActive(id: string): Promise<CustomerDoc> {
    const doc = await this.get(id);
    if (doc.status !== CustomerStatus.ACTIVE) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `Customer ${id} was merged into ${doc.mergedInto ?? 'another profile'}`,
        {
          entity: 'Customer',
          id,
          mergedInto: doc.mergedInto ?? null,
        },
      );
    }
    return doc;
  }

  /** Profiles holding an identifier (after normalizing `value`): active ones first, most recently changed first. */
  async findByIdentifier(kind: IdentifierKind, value: string, limit: number): Promise<CustomerDoc[]> {
    const n = normalizeIdentifierValue(kind, value, this.options.defaultPhoneRegion);
    if (!n.ok) throw badInput('value', n.reason);
    // `ACTIVE` sorts before `MERGED`, so live profiles come first, then the most recently changed.
    return this.customers
      .find(trustedFilter(identifierFilter(kind, n.value)))
      .sort({ status: 1, updatedAt: -1, _id: -1 })
      .limit(limit)
      .lean<CustomerDoc[]>();
  }

  /** Ids, status and survivor of the given profiles: what batch writes need to validate references. */
  async statusOf(
    ids: readonly string[],
  ): Promise<Map<string, Pick<CustomerDoc, '_id' | 'status' | 'mergedInto'>>> {
    const rows = await this.customers
      .find(trustedFilter({ _id: { $in: ids } }), { _id: 1, status: 1, mergedInto: 1 })
      .lean<Pick<CustomerDoc, '_id' | 'status' | 'mergedInto'>[]>();
    return new Map(rows.map((r) => [r._id, r]));
  }

  async list(args: {
    filter?: CustomerFilter | null;
    sort: CustomerSort;
    first: number;
    after?: string | null;
    segmentCondition?: QueryFilter<CustomerDoc>;
    withTotal: boolean;
  }): Promise<{ rows: CustomerDoc[]; totalCount?: number }> {
    const filter = trustedFilter(buildCustomerFilter(args.filter, args.segmentCondition));
    const after = customerAfterFilter(args.after, args.sort);
    const page = Object.keys(after).length ? trustedFilter({ $and: [filter, after] }) : filter;
    const [rows, totalCount] = await Promise.all([
      args.first === 0 && !args.withTotal
        ? Promise.resolve([])
        : this.customers
            .find(page)
            .sort(sortOf(args.sort))
            .limit(args.first + 1)
            .lean<CustomerDoc[]>(),
      args.withTotal ? this.customers.countDocuments(filter) : Promise.resolve(undefined),
    ]);
    return { rows, totalCount };
  }

  async addToSegment(customerId: string, segmentId: string): Promise<CustomerDoc> {
    return this.setSegment(customerId, { $addToSet: { segmentIds: segmentId } });
  }

  async removeFromSegment(customerId: string, segmentId: string): Promise<CustomerDoc> {
    return this.setSegment(customerId, { $pull: { segmentIds: segmentId } });
  }

  private async setSegment(customerId: string, op: Record<string, unknown>): Promise<CustomerDoc> {
    const doc = await this.customers
      .findOneAndUpdate(
        { _id: customerId, status: CustomerStatus.ACTIVE },
        { ...op, $set: { updatedAt: this.options.clock() }, $inc: { revision: 1 } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<CustomerDoc>();
    if (!doc) return this.getActive(customerId); // throws NOT_FOUND with the reason
    return doc;
  }
}
