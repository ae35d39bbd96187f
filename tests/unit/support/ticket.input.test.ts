import 'reflect-metadata';
import { validate } from 'class-validator';
import {
  AddTicketMessageInput,
  OpenTicketInput,
  RateTicketInput,
  TicketFilterInput,
} from '../../../subgraphs/support/src/ticket/ticket.input';

function make<T extends object>(cls: new () => T, values: Partial<T>): T {
  return Object.assign(new cls(), values);
}

async function failingFields(obj: object): Promise<string[]> {
  const errors = await validate(obj, { forbidUnknownValues: false });
  return errors.map((e) => e.property).sort();
}

const validOpen = {
  customerId: 'cus_0123456789abcdef01234567',
  channel: 'EMAIL',
  category: 'COMPLAINT',
  subject: 'Broken kettle',
  body: 'It arrived broken.',
} as Partial<OpenTicketInput>;

describe('support inputs (class-validator)', () => {
  it('accepts a valid ticket', async () => {
    expect(await failingFields(make(OpenTicketInput, validOpen))).toEqual([]);
  });

  it.each([
    ['customerId', { customerId: 'cus_123' }],
    ['customerId', { customerId: 'ord_0123456789abcdef01234567' }],
    ['subject', { subject: '' }],
    ['subject', { subject: 'x'.repeat(201) }],
    ['body', { body: 'x'.repeat(10_001) }],
    ['orderId', { orderId: 'order-1' }],
    ['sentimentScore', { sentimentScore: 1.5 }],
    ['channel', { channel: 'FAX' }],
    ['priority', { priority: 'CRITICAL' }],
  ])('names %s when it is invalid', async (field, patch) => {
    expect(
      await failingFields(make(OpenTicketInput, { ...validOpen, ...patch } as Partial<OpenTicketInput>)),
    ).toEqual([field]);
  });

  it('validates inherited message fields on AddTicketMessageInput too', async () => {
    const input = make(AddTicketMessageInput, {
      ticketId: 'tkt_0123456789abcdef01234567',
      author: 'AGENT',
      body: '',
    } as Partial<AddTicketMessageInput>);
    expect(await failingFields(input)).toEqual(['body']);
  });

  it.each([0, 6, 2.5])('rejects rating score %s', async (score) => {
    expect(
      await failingFields(make(RateTicketInput, { ticketId: 'tkt_0123456789abcdef01234567', score })),
    ).toEqual(['score']);
  });

  it('checks ticket ids and filter customer ids', async () => {
    expect(await failingFields(make(RateTicketInput, { ticketId: 'tkt_XYZ', score: 3 }))).toEqual([
      'ticketId',
    ]);
    expect(await failingFields(make(TicketFilterInput, { customerId: 'nobody' }))).toEqual(['customerId']);
    expect(await failingFields(make(TicketFilterInput, {}))).toEqual([]);
  });
});
