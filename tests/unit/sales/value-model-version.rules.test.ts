import { decideActivation } from '../../../subgraphs/sales/src/customer-value/value-model-version.rules';

const ok = { status: 'ok' as const, explicitAsOf: false };

describe('decideActivation: which fit predictions use', () => {
  it('one call can destroy the value model for everyone: a fit without parameters never replaces it', () => {
    for (const trigger of ['API', 'SCHEDULE', 'IMPORT'] as const) {
      for (const current of [null, { pinned: false }, { pinned: true }]) {
        expect(
          decideActivation({ status: 'insufficient-data', trigger, explicitAsOf: true }, current, true),
        ).toEqual({ activate: false, because: 'INSUFFICIENT_DATA' });
      }
    }
  });

  it('an explicit refitValueModel(asOf) is used and pinned; without asOf it is used, unpinned', () => {
    expect(decideActivation({ ...ok, trigger: 'API', explicitAsOf: true }, { pinned: false }, false)).toEqual(
      {
        activate: true,
        pin: true,
      },
    );
    // An API refit is on purpose, so it also replaces a pinned model.
    expect(decideActivation({ ...ok, trigger: 'API' }, { pinned: true }, false)).toEqual({
      activate: true,
      pin: false,
    });
  });

  it('an import-scheduled refit silently replaces a model the analyst fitted with an explicit asOf: not any more', () => {
    for (const trigger of ['SCHEDULE', 'IMPORT'] as const) {
      expect(decideActivation({ ...ok, trigger }, { pinned: true }, false)).toEqual({
        activate: false,
        because: 'PINNED',
      });
    }
  });

  it('scheduled and import refits replace an unpinned model, or a pinned one when so configured', () => {
    for (const trigger of ['SCHEDULE', 'IMPORT'] as const) {
      expect(decideActivation({ ...ok, trigger }, null, false)).toEqual({ activate: true, pin: false });
      expect(decideActivation({ ...ok, trigger }, { pinned: false }, false)).toEqual({
        activate: true,
        pin: false,
      });
      expect(decideActivation({ ...ok, trigger }, { pinned: true }, true)).toEqual({
        activate: true,
        pin: false,
      });
    }
  });
});
