import { AppError, ErrorCode, badInput, conflict } from '../../../shared/errors';
import { ImportCustomerRecord } from '../../../subgraphs/marketing/src/customer/customer-import.input';
import {
  resultOfError,
  summarize,
  toCreateInput,
} from '../../../subgraphs/marketing/src/customer/customer-import.service';
import { ImportOutcome } from '../../../subgraphs/marketing/src/customer/customer-import.type';
import { IdentifierKind, PhoneKind } from '../../../subgraphs/marketing/src/customer/customer.enums';
import { validate } from 'class-validator';

const record = (fields: Partial<ImportCustomerRecord>) =>
  Object.assign(new ImportCustomerRecord(), { externalKey: 'K-1', ...fields });

describe('importCustomers: one record', () => {
  it('becomes a createCustomer input whose external key is an EXTERNAL_ID of the import’s source', () => {
    const input = toCreateInput(
      record({
        givenName: 'Ada',
        emails: ['ada@example.com', 'ada@work.example'],
        phones: ['07498 614280'],
        identifiers: [
          { kind: IdentifierKind.LOYALTY_CARD, value: 'LC-9', source: null },
          { kind: IdentifierKind.EXTERNAL_ID, value: 'X-2', source: 'erp' },
        ],
      }),
      'crm',
    );
    expect(input.emails).toEqual([
      { address: 'ada@example.com', primary: true },
      { address: 'ada@work.example', primary: false },
    ]);
    expect(input.phones).toEqual([{ number: '07498 614280', kind: PhoneKind.MOBILE, primary: true }]);
    expect(input.identifiers).toEqual([
      { kind: IdentifierKind.EXTERNAL_ID, value: 'K-1', source: 'crm' },
      { kind: IdentifierKind.LOYALTY_CARD, value: 'LC-9', source: 'crm' },
      { kind: IdentifierKind.EXTERNAL_ID, value: 'X-2', source: 'erp' },
    ]);
  });

  it('impossible birth date: 1980-02-30 fails validation (Date would roll it over to March 1st)', async () => {
    const errors = await validate(record({ birthDate: '1980-02-30' }), { forbidUnknownValues: false });
    expect(errors.map((e) => e.property)).toEqual(['birthDate']);
    expect(await validate(record({ birthDate: '1980-02-29' }), { forbidUnknownValues: false })).toEqual([]);
  });

  it('a taken email is a match with the holder; any other write error rejects the record with field and code', () => {
    const taken = conflict('Email a@b.hu already belongs to another customer', {
      field: 'emails',
      value: 'a@b.hu',
      existingCustomerId: 'cus_1',
    });
    expect(resultOfError(4, 'K-4', taken)).toEqual({
      index: 4,
      externalKey: 'K-4',
      outcome: ImportOutcome.MATCHED,
      customerId: 'cus_1',
      matchedBy: 'email',
      error: null,
    });
    expect(resultOfError(2, 'K-2', badInput('phones', 'not a phone number'))).toEqual({
      index: 2,
      externalKey: 'K-2',
      outcome: ImportOutcome.REJECTED,
      customerId: null,
      matchedBy: null,
      error: { field: 'records[2].phones', code: 'BAD_USER_INPUT', message: 'not a phone number' },
    });
    const card = new AppError(ErrorCode.CONFLICT, 'LOYALTY_CARD LC-9 already belongs to another customer', {
      field: 'identifiers',
    });
    expect(resultOfError(0, 'K-0', card).error).toEqual({
      field: 'records[0].identifiers',
      code: 'CONFLICT',
      message: 'LOYALTY_CARD LC-9 already belongs to another customer',
    });
  });

  it('counts outcomes', () => {
    const r = (outcome: ImportOutcome) => ({
      index: 0,
      externalKey: 'k',
      outcome,
      customerId: null,
      matchedBy: null,
      error: null,
    });
    const results = [ImportOutcome.CREATED, ImportOutcome.REJECTED, ImportOutcome.CREATED].map(r);
    expect(summarize(results)).toEqual({ created: 2, matched: 0, rejected: 1, results });
  });
});
