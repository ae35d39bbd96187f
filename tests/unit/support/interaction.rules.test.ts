import { AppError, ErrorCode } from '../../../shared/errors';
import { TicketSentiment, TicketSentimentSource } from '../../../subgraphs/support/src/ticket/ticket.enums';
import {
  interactionSentiment,
  MAX_CLOCK_SKEW_MS,
  planInteractionTiming,
} from '../../../subgraphs/support/src/interaction/interaction.rules';

const now = new Date('2024-06-30T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return (err as AppError).details.field as string;
  }
  return undefined;
}

describe('planInteractionTiming', () => {
  it('defaults the start to now and leaves duration open', () => {
    expect(planInteractionTiming({}, now)).toEqual({ startedAt: now, endedAt: null, durationSeconds: null });
  });

  it('computes whole seconds', () => {
    expect(planInteractionTiming({ startedAt: at(-125_900), endedAt: at(-500) }, now).durationSeconds).toBe(
      125,
    );
  });

  it('tolerates a little clock skew but not a future start', () => {
    expect(planInteractionTiming({ startedAt: at(MAX_CLOCK_SKEW_MS) }, now).startedAt).toEqual(
      at(MAX_CLOCK_SKEW_MS),
    );
    expect(fieldOf(() => planInteractionTiming({ startedAt: at(MAX_CLOCK_SKEW_MS + 1) }, now))).toBe(
      'startedAt',
    );
  });

  it.each([
    ['ends before it starts', { startedAt: at(-1000), endedAt: at(-2000) }],
    ['lasts more than a day', { startedAt: at(-25 * 3_600_000), endedAt: at(0) }],
    ['ends in the future', { startedAt: at(0), endedAt: at(MAX_CLOCK_SKEW_MS + 1) }],
  ])('rejects an interaction that %s, naming endedAt', (_name, input) => {
    expect(fieldOf(() => planInteractionTiming(input, now))).toBe('endedAt');
  });
});

describe('interactionSentiment', () => {
  it('keeps what the caller recorded', () => {
    expect(interactionSentiment({ sentiment: TicketSentiment.NEGATIVE, sentimentScore: -0.4 })).toEqual({
      sentiment: TicketSentiment.NEGATIVE,
      sentimentScore: -0.4,
      sentimentSource: TicketSentimentSource.CALLER,
    });
    expect(interactionSentiment({ sentimentScore: 0.9 }).sentiment).toBe(TicketSentiment.POSITIVE);
  });

  it('is unknown when nothing was recorded', () => {
    expect(interactionSentiment({})).toEqual({
      sentiment: null,
      sentimentScore: null,
      sentimentSource: null,
    });
  });
});
