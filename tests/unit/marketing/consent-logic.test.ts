import {
  applyConsent,
  CONSENT_HISTORY_LIMIT,
  isGranted,
} from '../../../subgraphs/marketing/src/consent/consent.logic';
import {
  ConsentChannel,
  ConsentPurpose,
  ConsentSource,
} from '../../../subgraphs/marketing/src/consent/consent.enums';

const at = (iso: string) => new Date(iso);
const decision = (granted: boolean, updatedAt: string, channel = ConsentChannel.EMAIL) => ({
  channel,
  purpose: ConsentPurpose.MARKETING,
  granted,
  source: ConsentSource.WEB_FORM,
  updatedAt: at(updatedAt),
  recordedAt: at('2025-06-01T00:00:00Z'),
});

describe('applyConsent', () => {
  it('replaces the decision for the same channel and purpose and records history', () => {
    const first = applyConsent([], [], decision(true, '2025-01-01T00:00:00Z'));
    const second = applyConsent(first.consents, first.history, decision(false, '2025-02-01T00:00:00Z'));
    expect(second.consents).toHaveLength(1);
    expect(isGranted(second.consents, 'EMAIL', 'MARKETING')).toBe(false);
    expect(second.history.map((h) => h.granted)).toEqual([true, false]);
  });

  it('does not let a late-arriving older decision overwrite a newer one, but keeps it as history', () => {
    const newer = applyConsent([], [], decision(false, '2025-03-01T00:00:00Z'));
    const older = applyConsent(newer.consents, newer.history, decision(true, '2025-01-01T00:00:00Z'));
    expect(older.applied).toBe(false);
    expect(isGranted(older.consents, 'EMAIL', 'MARKETING')).toBe(false);
    expect(older.history).toHaveLength(2);
  });

  it('keeps channels apart and caps the history', () => {
    let state = {
      consents: [] as ReturnType<typeof applyConsent>['consents'],
      history: [] as ReturnType<typeof applyConsent>['history'],
    };
    for (let i = 0; i < CONSENT_HISTORY_LIMIT + 10; i++) {
      const channel = i % 2 ? ConsentChannel.SMS : ConsentChannel.EMAIL;
      state = applyConsent(
        state.consents,
        state.history,
        decision(i % 3 === 0, new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), channel),
      );
    }
    expect(state.consents.map((c) => c.channel).sort()).toEqual(['EMAIL', 'SMS']);
    expect(state.history).toHaveLength(CONSENT_HISTORY_LIMIT);
  });
});
