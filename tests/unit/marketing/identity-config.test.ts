import { loadConfig } from '../../../subgraphs/marketing/src/config';
import { DEFAULT_IDENTITY_CONFIG } from '../../../subgraphs/marketing/src/identity';

/*
 * "the deployed service hard-codes the defaults: no variable or API changes them": the identity
 * engine's thresholds, conflict policy and blocking rules come from MARKETING_IDENTITY_* variables.
 */
describe('marketing config: identity settings from the environment', () => {
  it('unset variables keep the engine defaults', () => {
    const { identity } = loadConfig({});
    expect(identity).toEqual(DEFAULT_IDENTITY_CONFIG);
  });

  it('reads thresholds, conflict policy, blocking rules, block size and the phone region', () => {
    const { identity } = loadConfig({
      MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD: '0.999',
      MARKETING_IDENTITY_REVIEW_THRESHOLD: '0.3',
      MARKETING_IDENTITY_CONFLICT_REVIEW: 'never',
      MARKETING_IDENTITY_BLOCKING_RULES: 'email, birth-date,name-address-lsh',
      MARKETING_IDENTITY_MAX_BLOCK_SIZE: '250',
      MARKETING_DEFAULT_PHONE_REGION: 'gb',
    });
    expect(identity.thresholds).toEqual({ autoMerge: 0.999, review: 0.3 });
    expect(identity.conflicts).toEqual({ preventAutoMerge: true, review: 'never' });
    expect(identity.blocking).toEqual({
      maxBlockSize: 250,
      rules: ['email', 'birth-date', 'name-address-lsh'],
    });
    expect(identity.phone.defaultRegion).toBe('GB');
  });

  it.each([
    ['MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD', '1', 'must be a probability strictly between 0 and 1'],
    ['MARKETING_IDENTITY_REVIEW_THRESHOLD', 'half', 'Invalid input'],
    ['MARKETING_IDENTITY_CONFLICT_REVIEW', 'sometimes', 'MARKETING_IDENTITY_CONFLICT_REVIEW'],
    ['MARKETING_IDENTITY_BLOCKING_RULES', 'email,zodiac', 'must be a comma-separated list of email, phone'],
    ['MARKETING_IDENTITY_BLOCKING_RULES', ' , ', 'must be a comma-separated list'],
    ['MARKETING_IDENTITY_MAX_BLOCK_SIZE', '1', 'MARKETING_IDENTITY_MAX_BLOCK_SIZE'],
  ])('rejects %s=%j at start, naming the variable', (name, value, message) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(`${name}:`);
    expect(load).toThrow(message);
  });

  it('rejects a review threshold above the auto-merge threshold, naming the variable', () => {
    expect(() =>
      loadConfig({
        MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD: '0.9',
        MARKETING_IDENTITY_REVIEW_THRESHOLD: '0.95',
      }),
    ).toThrow(
      'MARKETING_IDENTITY_REVIEW_THRESHOLD: thresholds.review: must not be above thresholds.autoMerge',
    );
  });
});
