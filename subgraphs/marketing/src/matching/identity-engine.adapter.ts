import { badInput } from '../../../../shared/errors';
import { IdentityInputError, type MatchExplanation } from '../identity';
import type { StoredContribution } from './identity-job.model';

/**
 * The engine throws its own BAD_USER_INPUT-shaped error (it knows nothing of GraphQL); the subgraph's
 * error mapping knows AppErrors, so engine calls go through here.
 */
export function engineCall<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof IdentityInputError) throw badInput(err.extensions.field, err.message);
    throw err;
  }
}

/** The per-attribute part of an explanation, as the API and stored review lists carry it. */
export function contributionsOf(explanation: MatchExplanation): StoredContribution[] {
  return explanation.contributions.map((c) => ({
    attribute: c.comparison,
    level: c.level,
    weight: round(c.matchWeight),
    description: c.description,
  }));
}

/** `email:a@b.hu` for each deterministic rule that matched. */
export function rulesOf(explanation: MatchExplanation): string[] {
  return explanation.rules.map((r) => `${r.kind}:${r.value}`);
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
