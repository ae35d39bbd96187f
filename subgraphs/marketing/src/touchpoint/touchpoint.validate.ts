import { validateSync } from 'class-validator';
import { badInput, flattenValidation } from '../../../../shared/errors';
import { RecordTouchpointInput, MAX_TOUCHPOINT_BATCH } from './touchpoint.input';
import { channelTypeProblem } from './touchpoint.rules';

/** How far ahead of our clock a sender's timestamp may be (clock skew), and how far back history goes. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
export const EARLIEST_TOUCHPOINT = new Date('2000-01-01T00:00:00Z');

export type FieldNamer = (index: number, property: string) => string;
export const batchField: FieldNamer = (i, p) => `touchpoints[${i}].${p}`;
export const singleField: FieldNamer = (_i, p) => p;

/**
 * Everything that can be checked without the database, for every item, before anything is written:
 * the first bad item fails the whole batch with a BAD_USER_INPUT naming `touchpoints[i].field`.
 */
export function validateTouchpointItems(
  items: readonly RecordTouchpointInput[],
  now: Date,
  fieldOf: FieldNamer,
): RecordTouchpointInput[] {
  if (items.length === 0) throw badInput('touchpoints', 'must contain at least one touchpoint');
  if (items.length > MAX_TOUCHPOINT_BATCH) {
    throw badInput('touchpoints', `must contain at most ${MAX_TOUCHPOINT_BATCH} touchpoints`, {
      max: MAX_TOUCHPOINT_BATCH,
    });
  }
  const eventIds = new Map<string, number>();
  return items.map((raw, i) => {
    // Batch items arrive with validation switched off at the argument (to name the index); validate here.
    const item = raw instanceof RecordTouchpointInput ? raw : Object.assign(new RecordTouchpointInput(), raw);
    const [violation] = flattenValidation(validateSync(item, { forbidUnknownValues: false }));
    if (violation) throw badInput(fieldOf(i, violation.field), violation.messages[0]);
    const mismatch = channelTypeProblem(item.channel, item.type);
    if (mismatch) throw badInput(fieldOf(i, 'type'), mismatch);
    if (item.occurredAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
      throw badInput(fieldOf(i, 'occurredAt'), 'must not be in the future');
    }
    if (item.occurredAt < EARLIEST_TOUCHPOINT) {
      throw badInput(fieldOf(i, 'occurredAt'), `must not be before ${EARLIEST_TOUCHPOINT.toISOString()}`);
    }
    if (item.eventId) {
      const seen = eventIds.get(item.eventId);
      if (seen !== undefined) throw badInput(fieldOf(i, 'eventId'), `repeats the eventId of item ${seen}`);
      eventIds.set(item.eventId, i);
    }
    return item;
  });
}
