import type { ConsentEvent, ConsentRecord } from '../customer/customer.model';

/** Consent decisions kept per profile as proof; older ones beyond this are dropped. */
export const CONSENT_HISTORY_LIMIT = 200;

export interface ConsentChange extends ConsentRecord {
  recordedAt: Date;
}

/**
 * Applies one consent decision. Decisions arrive late and out of order (imports, offline stores), so a
 * decision older than the one already stored for the same channel and purpose does not overwrite it; it is
 * still kept in the history.
 */
export function applyConsent(
  current: readonly ConsentRecord[],
  history: readonly ConsentEvent[],
  change: ConsentChange,
): { consents: ConsentRecord[]; history: ConsentEvent[]; applied: boolean } {
  const { recordedAt, ...record } = change;
  const i = current.findIndex((c) => c.channel === change.channel && c.purpose === change.purpose);
  const stale = i >= 0 && current[i].updatedAt.getTime() > change.updatedAt.getTime();
  const consents = [...current];
  if (!stale) {
    if (i >= 0) consents[i] = record;
    else consents.push(record);
  }
  const nextHistory = [...history, { ...record, recordedAt }].slice(-CONSENT_HISTORY_LIMIT);
  return { consents, history: nextHistory, applied: !stale };
}

/** Whether the customer currently allows `purpose` on `channel`; no decision on record means no. */
export function isGranted(consents: readonly ConsentRecord[], channel: string, purpose: string): boolean {
  return consents.some((c) => c.channel === channel && c.purpose === purpose && c.granted);
}
