import type { IdentityConfig } from '../identity';
import { round } from './identity-engine.adapter';
import type { IdentityModelView } from './identity-model.type';
import type { CurrentIdentityModel } from './matching.service';

/** The stored model and the settings in force, as the `identityModel` query shows them. */
export function toIdentityModelView(
  current: CurrentIdentityModel,
  settings: IdentityConfig,
): IdentityModelView {
  const { model } = current;
  return {
    trainedOn: current.trainedOn,
    trainedAt: current.trainedAt,
    profiles: current.profiles,
    priorMatchProbability: model.priorMatchProbability,
    converged: model.training.converged,
    trainingSessions: model.training.sessions.map((s) => ({
      blockingRule: s.blockingRule,
      pairs: s.pairs,
      iterations: s.iterations,
      converged: s.converged,
      lambda: s.lambda,
    })),
    comparisons: model.comparisons.map((c) => ({
      name: c.name,
      description: c.description,
      termFrequency: c.termFrequency,
      levels: c.levels.map((l) => ({
        id: l.id,
        description: l.description,
        m: l.m,
        u: l.u,
        weight: round(Math.log2(l.m / l.u)),
      })),
    })),
    settings: {
      autoMergeThreshold: settings.thresholds.autoMerge,
      reviewThreshold: settings.thresholds.review,
      conflictReview: settings.conflicts.review,
      blockingRules: [...settings.blocking.rules],
      maxBlockSize: settings.blocking.maxBlockSize,
      defaultPhoneRegion: settings.phone.defaultRegion,
    },
  };
}
