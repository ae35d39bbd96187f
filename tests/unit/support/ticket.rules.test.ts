import { AppError } from '../../../shared/errors';
import {
  TicketMessageAuthor,
  TicketSentiment,
  TicketSentimentSource,
  TicketStatus,
} from '../../../subgraphs/support/src/ticket/ticket.enums';
import { messageSentiment, planNewMessage } from '../../../subgraphs/support/src/ticket/ticket.rules';

const { CUSTOMER, AGENT, SYSTEM } = TicketMessageAuthor;
const at = new Date('2024-06-01T12:00:00Z');
const angry = 'This is unacceptable, the parcel is broken';

describe('messageSentiment', () => {
  it('derives CUSTOMER messages with the lexicon', () => {
    expect(messageSentiment({ author: CUSTOMER, body: angry })).toEqual({
      sentiment: TicketSentiment.NEGATIVE,
      sentimentScore: expect.any(Number),
      sentimentSource: TicketSentimentSource.LEXICON,
    });
  });

  it('does not score AGENT or SYSTEM wording', () => {
    expect(messageSentiment({ author: AGENT, body: angry })).toBeNull();
    expect(messageSentiment({ author: SYSTEM, body: angry })).toBeNull();
  });

  it('a caller-given label wins over the lexicon, for any author', () => {
    expect(messageSentiment({ author: CUSTOMER, body: angry, sentiment: TicketSentiment.POSITIVE })).toEqual({
      sentiment: TicketSentiment.POSITIVE,
      sentimentScore: null,
      sentimentSource: TicketSentimentSource.CALLER,
    });
    expect(
      messageSentiment({ author: AGENT, body: 'call note', sentiment: TicketSentiment.NEGATIVE })?.sentiment,
    ).toBe(TicketSentiment.NEGATIVE);
  });

  it('a caller-given score alone is labelled by the threshold', () => {
    expect(messageSentiment({ author: AGENT, body: 'x', sentimentScore: -0.7 })).toEqual({
      sentiment: TicketSentiment.NEGATIVE,
      sentimentScore: -0.7,
      sentimentSource: TicketSentimentSource.CALLER,
    });
  });
});

describe('planNewMessage', () => {
  const open = { status: TicketStatus.OPEN, reopenCount: 0 };

  it('first agent reply stamps firstResponseAt and lastContactAt, no status change', () => {
    const plan = planNewMessage(open, { author: AGENT, at }, null);
    expect(plan).toEqual({
      status: null,
      sentiment: null,
      firstResponseAt: at,
      lastContactAt: at,
      lastNegativeAt: null,
    });
  });

  it('a later agent reply keeps the first response time', () => {
    const plan = planNewMessage({ ...open, firstResponseAt: new Date(0) }, { author: AGENT, at }, null);
    expect(plan.firstResponseAt).toBeNull();
  });

  it('SYSTEM notes are not contact', () => {
    expect(planNewMessage(open, { author: SYSTEM, at }, null).lastContactAt).toBeNull();
  });

  it('a negative customer message records lastNegativeAt and the ticket sentiment', () => {
    const s = messageSentiment({ author: CUSTOMER, body: angry });
    const plan = planNewMessage(open, { author: CUSTOMER, at }, s);
    expect(plan.lastNegativeAt).toBe(at);
    expect(plan.sentiment).toBe(s);
  });

  it('a customer reply to a RESOLVED ticket reopens it', () => {
    const plan = planNewMessage(
      { status: TicketStatus.RESOLVED, resolvedAt: new Date(0), reopenCount: 1 },
      { author: CUSTOMER, at },
      null,
    );
    expect(plan.status).toEqual({
      set: { status: TicketStatus.OPEN, reopenCount: 2 },
      unset: ['resolvedAt'],
    });
  });

  it('a customer reply to a PENDING ticket puts it back in the queue', () => {
    const plan = planNewMessage(
      { status: TicketStatus.PENDING, reopenCount: 0 },
      { author: CUSTOMER, at },
      null,
    );
    expect(plan.status).toEqual({ set: { status: TicketStatus.OPEN }, unset: [] });
  });

  it('refuses messages on CLOSED tickets', () => {
    expect(() =>
      planNewMessage({ status: TicketStatus.CLOSED, reopenCount: 0 }, { author: AGENT, at }, null),
    ).toThrow(AppError);
  });
});
