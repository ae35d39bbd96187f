import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { ConsentChannel, ConsentPurpose, ConsentSource } from '../consent/consent.enums';
import {
  AgeBand,
  CustomerGender,
  CustomerStatus,
  PhoneKind,
  SocialNetwork,
  STORED_IDENTIFIER_KINDS,
  type StoredIdentifierKind,
} from './customer.enums';

export interface CustomerEmail {
  address: string;
  /** Trimmed, lower-cased: the key identity look-ups and the uniqueness index use. */
  normalized: string;
  primary: boolean;
  addedAt: Date;
}

export interface CustomerPhone {
  /** E.164, e.g. `+36301234567`. */
  number: string;
  kind: PhoneKind;
  primary: boolean;
  addedAt: Date;
}

export interface CustomerIdentifier {
  kind: StoredIdentifierKind;
  value: string;
  normalized: string;
  /** The system that issued it (`shopify`, `pos`, …), when known. */
  source?: string;
  addedAt: Date;
}

export interface CustomerSocialHandle {
  network: SocialNetwork;
  handle: string;
  normalized: string;
}

export interface Demographics {
  ageBand?: AgeBand;
  gender?: CustomerGender;
  city?: string;
  country?: string;
}

export interface PostalAddress {
  street?: string;
  houseNumber?: string;
  city?: string;
  postcode?: string;
  region?: string;
  country?: string;
}

export interface ConsentRecord {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  granted: boolean;
  source: ConsentSource;
  updatedAt: Date;
}

export interface ConsentEvent extends ConsentRecord {
  recordedAt: Date;
}

export interface QuietHours {
  /** `HH:MM` in the customer's time zone; `start > end` spans midnight (22:00–07:00). */
  start: string;
  end: string;
}

/** Where a value of a merged survivor came from (identity resolution provenance). */
export interface FieldSourceRecord {
  /** `givenName`, `address`, `emails`, … */
  field: string;
  /** The value as text (`Kovács`, `peter@example.com`); lists have one record per element. */
  value: string;
  sourceCustomerId: string;
  /** The merge that brought it; absent for the profile's own values. */
  mergeId?: string;
}

export interface CustomerDoc {
  _id: string;
  status: CustomerStatus;
  mergedInto?: string;
  givenName?: string;
  familyName?: string;
  displayName?: string;
  emails: CustomerEmail[];
  phones: CustomerPhone[];
  identifiers: CustomerIdentifier[];
  socialHandles: CustomerSocialHandle[];
  householdId?: string;
  demographics?: Demographics;
  address?: PostalAddress;
  /** Calendar date `YYYY-MM-DD` (no time zone: a birthday is the same date everywhere). */
  birthDate?: string;
  language?: string;
  timeZone?: string;
  quietHours?: QuietHours;
  consents: ConsentRecord[];
  /** Every consent decision, newest last, capped: the proof of what the customer agreed to and when. */
  consentHistory: ConsentEvent[];
  /** Manual segment memberships (rule segments are evaluated, not stored). */
  segmentIds: string[];
  // Derived keys, recomputed on every write from the fields above (see customer.derive.ts).
  exclusiveKeys: string[];
  nameKey: string;
  searchTokens: string[];
  /** Incremented on every update; writes are conditional on it (optimistic concurrency). */
  revision: number;
  // Identity resolution (optional: profiles written before it, e.g. by the seed, lack them).
  /** Survivor only: every profile id merged into it, directly or through an earlier merge. */
  mergedIds?: string[];
  /** Survivor only: where each value came from, after the first merge. */
  fieldSources?: FieldSourceRecord[];
  /** `<mergeId>:apply` / `<mergeId>:undo` of the last merge step that wrote this profile (idempotent steps). */
  lastMergeOp?: string;
  /** Keys of the identity engine's blocking rules: candidates for matching are found through them. */
  blockingKeys?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const enumOf = (e: object) => Object.values(e) as string[];

export const customerSchema = new Schema<CustomerDoc>(
  {
    _id: { type: String, default: () => newId('cus') },
    status: { type: String, enum: enumOf(CustomerStatus), default: CustomerStatus.ACTIVE },
    mergedInto: { type: String },
    givenName: { type: String, trim: true, maxlength: 100 },
    familyName: { type: String, trim: true, maxlength: 100 },
    displayName: { type: String, trim: true, maxlength: 200 },
    emails: [
      {
        _id: false,
        address: { type: String, required: true, maxlength: 254 },
        normalized: { type: String, required: true, maxlength: 254 },
        primary: { type: Boolean, default: false },
        addedAt: { type: Date, required: true },
      },
    ],
    phones: [
      {
        _id: false,
        number: { type: String, required: true, match: /^\+[1-9]\d{6,14}$/ },
        kind: { type: String, enum: enumOf(PhoneKind), required: true },
        primary: { type: Boolean, default: false },
        addedAt: { type: Date, required: true },
      },
    ],
    identifiers: [
      {
        _id: false,
        kind: { type: String, enum: [...STORED_IDENTIFIER_KINDS], required: true },
        value: { type: String, required: true, maxlength: 256 },
        normalized: { type: String, required: true, maxlength: 256 },
        source: { type: String, maxlength: 64 },
        addedAt: { type: Date, required: true },
      },
    ],
    socialHandles: [
      {
        _id: false,
        network: { type: String, enum: enumOf(SocialNetwork), required: true },
        handle: { type: String, required: true, maxlength: 100 },
        normalized: { type: String, required: true, maxlength: 100 },
      },
    ],
    householdId: { type: String, maxlength: 64 },
    demographics: {
      _id: false,
      type: {
        ageBand: { type: String, enum: enumOf(AgeBand) },
        gender: { type: String, enum: enumOf(CustomerGender) },
        city: { type: String, maxlength: 100 },
        country: { type: String, match: /^[A-Z]{2}$/ },
      },
    },
    address: {
      _id: false,
      type: {
        street: { type: String, maxlength: 200 },
        houseNumber: { type: String, maxlength: 20 },
        city: { type: String, maxlength: 100 },
        postcode: { type: String, maxlength: 20 },
        region: { type: String, maxlength: 100 },
        country: { type: String, match: /^[A-Z]{2}$/ },
      },
    },
    birthDate: { type: String, match: /^\d{4}-\d\d-\d\d$/ },
    language: { type: String, maxlength: 35 },
    timeZone: { type: String, maxlength: 64 },
    quietHours: { _id: false, type: { start: String, end: String } },
    consents: [
      {
        _id: false,
        channel: { type: String, enum: enumOf(ConsentChannel), required: true },
        purpose: { type: String, enum: enumOf(ConsentPurpose), required: true },
        granted: { type: Boolean, required: true },
        source: { type: String, enum: enumOf(ConsentSource), required: true },
        updatedAt: { type: Date, required: true },
      },
    ],
    consentHistory: [
      {
        _id: false,
        channel: { type: String, required: true },
        purpose: { type: String, required: true },
        granted: { type: Boolean, required: true },
        source: { type: String, required: true },
        updatedAt: { type: Date, required: true },
        recordedAt: { type: Date, required: true },
      },
    ],
    segmentIds: { type: [String], default: [] },
    exclusiveKeys: { type: [String], default: [] },
    nameKey: { type: String, required: true },
    searchTokens: { type: [String], default: [] },
    revision: { type: Number, default: 0 },
    mergedIds: { type: [String], default: undefined },
    fieldSources: {
      type: [
        {
          _id: false,
          field: { type: String, required: true },
          value: { type: String, required: true },
          sourceCustomerId: { type: String, required: true },
          mergeId: { type: String },
        },
      ],
      default: undefined,
    },
    lastMergeOp: { type: String },
    blockingKeys: { type: [String], default: undefined },
  },
  { collection: 'customers', timestamps: true, versionKey: false },
);

// Uniqueness: one email / external id / loyalty card belongs to one profile (duplicates are merged, never
// stored twice). Partial rather than sparse, so profiles with no such value never collide on a null key;
// `$gt: ''` (true when any element is a non-empty string) rather than `$type`, whose array semantics
// differ between mongod and the embedded server's query engine.
customerSchema.index(
  { 'emails.normalized': 1 },
  { unique: true, partialFilterExpression: { 'emails.normalized': { $gt: '' } }, name: 'emails_unique' },
);
customerSchema.index(
  { exclusiveKeys: 1 },
  { unique: true, partialFilterExpression: { exclusiveKeys: { $gt: '' } }, name: 'exclusive_keys_unique' },
);
// customerByIdentifier(PHONE / EXTERNAL_ID / DEVICE_ID / COOKIE_ID / LOYALTY_CARD / SOCIAL_HANDLE).
customerSchema.index({ 'phones.number': 1 });
customerSchema.index({ 'identifiers.kind': 1, 'identifiers.normalized': 1 });
customerSchema.index({ 'socialHandles.network': 1, 'socialHandles.normalized': 1 });
// customers(...): keyset pagination per sort, plus the selective filters.
customerSchema.index({ createdAt: -1, _id: -1 });
customerSchema.index({ nameKey: 1, _id: 1 });
customerSchema.index({ searchTokens: 1 });
customerSchema.index({ householdId: 1, createdAt: -1 });
customerSchema.index({ 'demographics.country': 1, createdAt: -1 });
customerSchema.index({ segmentIds: 1, createdAt: -1 });
customerSchema.index({ 'consents.channel': 1, 'consents.purpose': 1, 'consents.granted': 1 });
customerSchema.index({ mergedInto: 1 }, { partialFilterExpression: { mergedInto: { $gt: '' } } });
// matchCandidates / resolveIdentity: candidates share a blocking key (one `$in` query).
customerSchema.index({ blockingKeys: 1 });

export type CustomerModel = Model<CustomerDoc>;

export function customerModel(connection: Connection): CustomerModel {
  return connection.model<CustomerDoc>('Customer', customerSchema);
}
