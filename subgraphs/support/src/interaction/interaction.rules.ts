import { badInput } from '../../../../shared/errors';
import { labelForScore } from '../ticket/sentiment.lexicon';
import { TicketSentiment, TicketSentimentSource } from '../ticket/ticket.enums';

/** Clocks of contact-centre systems drift a little; more than this in the future is a bad timestamp. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_INTERACTION_MS = 24 * 60 * 60 * 1000;

export interface InteractionTiming {
  startedAt: Date;
  endedAt: Date | null;
  durationSeconds: number | null;
}

/** Checks and completes the times of a call or chat (BAD_USER_INPUT naming the field otherwise). */
export function planInteractionTiming(
  input: { startedAt?: Date | null; endedAt?: Date | null },
  now: Date,
): InteractionTiming {
  const startedAt = input.startedAt ?? now;
  if (startedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
    throw badInput('startedAt', 'must not be in the future');
  const endedAt = input.endedAt ?? null;
  if (!endedAt) return { startedAt, endedAt: null, durationSeconds: null };
  const ms = endedAt.getTime() - startedAt.getTime();
  if (ms < 0) throw badInput('endedAt', 'must not be before startedAt');
  if (ms > MAX_INTERACTION_MS) throw badInput('endedAt', 'must be at most 24 hours after startedAt');
  if (endedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
    throw badInput('endedAt', 'must not be in the future');
  return { startedAt, endedAt, durationSeconds: Math.floor(ms / 1000) };
}

/**
 * Sentiment of a call or chat: only what the caller recorded (an agent's judgement or a speech-analytics
 * score). The summary is the agent's wording, which says nothing reliable about the customer's mood.
 */
export function interactionSentiment(input: {
  sentiment?: TicketSentiment | null;
  sentimentScore?: number | null;
}) {
  const score = input.sentimentScore ?? null;
  const label = input.sentiment ?? (score !== null ? labelForScore(score) : null);
  if (!label) return { sentiment: null, sentimentScore: null, sentimentSource: null };
  return { sentiment: label, sentimentScore: score, sentimentSource: TicketSentimentSource.CALLER };
}
