import { validate } from 'class-validator';
import {
  AppError,
  ErrorCode,
  badInput,
  flattenValidation,
  type ValidationItem,
} from '../../../../shared/errors';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { exclusiveKeyOf } from './customer.derive';
import { CustomerStatus, IdentifierKind, PhoneKind } from './customer.enums';
import type { CreateCustomerInput } from './customer.input';
import type { CustomerDoc, CustomerModel } from './customer.model';
import type { CustomerService } from './customer.service';
import type { ImportCustomerRecord } from './customer-import.input';
import { ImportOutcome, type ImportCustomersResult, type ImportRecordResult } from './customer-import.type';
import { normalizeIdentifierValue } from './identifier.normalize';

/** Records per call: one call stays well inside a request timeout (each record is its own transaction). */
export const MAX_IMPORT_RECORDS = 1000;
const SOURCE = /^[A-Za-z0-9_.-]{1,64}$/;

/** A record as the profile `createCustomer` would write: its external key becomes a sourced EXTERNAL_ID. */
export function toCreateInput(record: ImportCustomerRecord, source: string): CreateCustomerInput {
  const emails = record.emails ?? [];
  const phones = record.phones ?? [];
  return {
    givenName: record.givenName,
    familyName: record.familyName,
    emails: emails.map((address, i) => ({ address, primary: i === 0 })),
    phones: phones.map((number, i) => ({ number, kind: PhoneKind.MOBILE, primary: i === 0 })),
    birthDate: record.birthDate,
    address: record.address,
    identifiers: [
      { kind: IdentifierKind.EXTERNAL_ID, value: record.externalKey, source },
      ...(record.identifiers ?? []).map((i) => ({ ...i, source: i.source ?? source })),
    ],
  } as CreateCustomerInput;
}

const rejected = (
  index: number,
  externalKey: string,
  field: string,
  code: string,
  message: string,
): ImportRecordResult => ({
  index,
  externalKey,
  outcome: ImportOutcome.REJECTED,
  customerId: null,
  matchedBy: null,
  error: { field, code, message },
});

/** A write error → the record's result: a taken email is a match, the rest rejects this record only. */
export function resultOfError(index: number, externalKey: string, err: AppError): ImportRecordResult {
  const at = (field: unknown) => `records[${index}]${typeof field === 'string' ? `.${field}` : ''}`;
  if (err.code === ErrorCode.CONFLICT && err.details.field === 'emails') {
    return {
      index,
      externalKey,
      outcome: ImportOutcome.MATCHED,
      customerId: String(err.details.existingCustomerId),
      matchedBy: 'email',
      error: null,
    };
  }
  // `badInput` messages start with the field; the result names it separately.
  const message = err.message.replace(/^[\w.[\]]+: /, '');
  return rejected(index, externalKey, at(err.details.field), err.code, message);
}

export function summarize(results: ImportRecordResult[]): ImportCustomersResult {
  const count = (o: ImportOutcome) => results.filter((r) => r.outcome === o).length;
  return {
    created: count(ImportOutcome.CREATED),
    matched: count(ImportOutcome.MATCHED),
    rejected: count(ImportOutcome.REJECTED),
    results,
  };
}

const isDuplicateKey = (err: unknown) => (err as { code?: number } | null)?.code === 11000;

/**
 * Bulk import: every record gets its own outcome, never all-or-nothing. A record is written in its own
 * transaction with its customer.created event (CustomerService.create), so a failing record leaves
 * nothing half-written and does not undo the others. Importing the same external key from the same
 * source again matches the profile that has it (the survivor, after a merge): retries are safe.
 */
export class CustomerImportService {
  constructor(
    private readonly customers: CustomerModel,
    private readonly service: CustomerService,
  ) {}

  async importRecords(
    source: string,
    records: readonly ImportCustomerRecord[],
  ): Promise<ImportCustomersResult> {
    if (!SOURCE.test(source)) throw badInput('source', 'must be 1–64 letters, digits, . _ -');
    if (records.length > MAX_IMPORT_RECORDS) {
      throw badInput('records', `at most ${MAX_IMPORT_RECORDS} records per call, got ${records.length}`);
    }
    const results: ImportRecordResult[] = [];
    for (const [index, record] of records.entries()) {
      results.push(await this.importOne(index, record, source));
    }
    return summarize(results);
  }

  private async importOne(
    index: number,
    record: ImportCustomerRecord,
    source: string,
  ): Promise<ImportRecordResult> {
    const externalKey = record.externalKey;
    const violations = flattenValidation(
      (await validate(record, { forbidUnknownValues: false })) as ValidationItem[],
      `records[${index}]`,
    );
    if (violations.length) {
      const [first] = violations;
      return rejected(index, externalKey, first.field, ErrorCode.BAD_USER_INPUT, first.messages[0]);
    }
    const key = normalizeIdentifierValue(IdentifierKind.EXTERNAL_ID, externalKey);
    if (!key.ok)
      return rejected(
        index,
        externalKey,
        `records[${index}].externalKey`,
        ErrorCode.BAD_USER_INPUT,
        key.reason,
      );
    const existing = await this.holderOf(key.value, source);
    if (existing)
      return {
        index,
        externalKey,
        outcome: ImportOutcome.MATCHED,
        customerId: existing,
        matchedBy: 'externalKey',
        error: null,
      };
    try {
      const doc = await this.service.create(toCreateInput(record, source));
      return {
        index,
        externalKey,
        outcome: ImportOutcome.CREATED,
        customerId: doc._id,
        matchedBy: null,
        error: null,
      };
    } catch (err) {
      if (err instanceof AppError) return resultOfError(index, externalKey, err);
      // Another import wrote the same key between the look-up and the write: that profile is the match.
      if (isDuplicateKey(err)) {
        const winner = await this.holderOf(key.value, source);
        if (winner)
          return {
            index,
            externalKey,
            outcome: ImportOutcome.MATCHED,
            customerId: winner,
            matchedBy: 'externalKey',
            error: null,
          };
      }
      throw err;
    }
  }

  /** The live profile holding this source's external key (merges move identifiers to the survivor). */
  private async holderOf(normalized: string, source: string): Promise<string | null> {
    const key = exclusiveKeyOf({ kind: IdentifierKind.EXTERNAL_ID, normalized, source });
    const doc = await this.customers
      .findOne(trustedFilter({ exclusiveKeys: key, status: CustomerStatus.ACTIVE }), { _id: 1 })
      .lean<Pick<CustomerDoc, '_id'>>();
    return doc?._id ?? null;
  }
}
