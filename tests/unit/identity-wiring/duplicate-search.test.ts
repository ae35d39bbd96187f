import { AppError } from '../../../shared/errors';
import { blockingKeys, findDuplicates } from '../../../subgraphs/marketing/src/identity';
import { generateSyntheticPeople } from '../../helpers/identity/synthetic-people';
import {
  MAX_STORED_REVIEW_PAIRS,
  searchDuplicates,
  toReviewPair,
  type DuplicateSearchOutcome,
} from '../../../subgraphs/marketing/src/matching/duplicate-search';
import { searchDuplicatesInWorker } from '../../../subgraphs/marketing/src/matching/duplicate-search-in-worker';

jest.setTimeout(120_000);

const { profiles } = generateSyntheticPeople({ profiles: 1500, seed: 3 });
const withoutTimings = (o: DuplicateSearchOutcome) => ({ ...o, stats: { ...o.stats, timingsMs: null } });

describe('searchDuplicates (the pure part of the duplicate-search job)', () => {
  // Stored keys: right for even profiles, missing for every third, stale for the others.
  const storedKeys = profiles.map((p, i) =>
    i % 3 === 0 ? undefined : i % 2 === 0 ? blockingKeys(p) : ['stale'],
  );
  const outcome = searchDuplicates({ profiles, config: {}, storedKeys });
  const engine = findDuplicates(profiles);

  it('keeps what the job stored before: review top, clusters, the best pair of each cluster', () => {
    expect(outcome.reviewTotal).toBe(engine.review.length);
    expect(outcome.review).toEqual(engine.review.slice(0, MAX_STORED_REVIEW_PAIRS).map(toReviewPair));
    expect(outcome.model).toEqual(engine.model);
    expect(outcome.clusters.map((c) => c.members)).toEqual(engine.autoMerge.clusters.map((c) => c.members));
    expect(outcome.clusters.length).toBeGreaterThan(10);
    engine.autoMerge.clusters.forEach((cluster, i) => {
      const inCluster = new Set(cluster.members);
      const best = engine.autoMerge.pairs
        .filter((p) => inCluster.has(p.left) && inCluster.has(p.right))
        .sort((a, b) => b.probability - a.probability)[0];
      expect(outcome.clusters[i].best).toEqual({
        rules: toReviewPair(best).rules,
        probability: best.probability,
        matchWeight: best.matchWeight,
        evidence: toReviewPair(best).contributions,
        reason: best.explanation.reason,
      });
    });
  });

  it('reports exactly the profiles whose stored blocking keys differ', () => {
    const expected = profiles
      .map((p, i) => ({ id: p.id, keys: blockingKeys(p), old: storedKeys[i] }))
      .filter(({ keys, old }) => JSON.stringify(keys) !== JSON.stringify(old ?? []))
      .map(({ id, keys }) => ({ id, keys }));
    expect(outcome.blockingKeyUpdates).toEqual(expected);
    expect(expected.length).toBeGreaterThan(profiles.length / 2);
    expect(searchDuplicates({ profiles, config: {} }).blockingKeyUpdates).toEqual([]);
  });

  it('gives the same outcome in a worker thread, and its input errors keep their code', async () => {
    const inWorker = await searchDuplicatesInWorker({ profiles, config: {}, storedKeys });
    expect(withoutTimings(inWorker)).toEqual(withoutTimings(outcome));

    const bad = [profiles[0], { ...profiles[1], id: profiles[0].id }];
    const err = await searchDuplicatesInWorker({ profiles: bad, config: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'profiles[1].id' } });
  });
});
