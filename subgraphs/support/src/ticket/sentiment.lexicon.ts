import { TicketSentiment } from './ticket.enums';

/**
 * A small, deliberately transparent sentiment rule for support messages (English). It is not a model:
 * it exists so every ticket has a usable mood signal even when no NLP service scored it, and so an agent
 * can see why a message counted as negative. Callers with a better signal pass `sentiment` explicitly.
 *
 * Rule:
 *  1. Lower-case the text and split it into word tokens (letters and apostrophes).
 *  2. Each token found in LEXICON contributes its weight (−3 … +3).
 *  3. Negation: if one of the 3 preceding tokens is a negator ("not", "never", "didn't", …), the weight
 *     is multiplied by NEGATION_FACTOR (−0.5): "not good" is mildly negative, "not bad" mildly positive.
 *  4. Contrast: when the text contains "but", words before the last "but" count ×0.5 and words after it
 *     ×1.5 ("thanks, but it is still broken" is a complaint).
 *  5. The sum S is squashed into (−1, 1) as S / √(S² + 15) (the normalisation VADER uses), rounded to 3
 *     decimals.
 *  6. Label: score ≤ −0.2 → NEGATIVE, score ≥ 0.2 → POSITIVE, otherwise NEUTRAL.
 */
export const LEXICON: Readonly<Record<string, number>> = {
  // negative: product or service failures
  broken: -2,
  damaged: -2,
  defective: -2,
  faulty: -2,
  missing: -2,
  wrong: -2,
  late: -1,
  delayed: -1,
  lost: -2,
  crash: -2,
  crashes: -2,
  crashed: -2,
  error: -1,
  fails: -2,
  failed: -2,
  bug: -1,
  overcharged: -3,
  charged: -1,
  scam: -3,
  fraud: -3,
  // negative: feelings
  angry: -3,
  furious: -3,
  upset: -2,
  annoyed: -2,
  frustrated: -2,
  frustrating: -2,
  disappointed: -2,
  disappointing: -2,
  unacceptable: -3,
  ridiculous: -2,
  terrible: -3,
  horrible: -3,
  awful: -3,
  worst: -3,
  bad: -2,
  poor: -2,
  useless: -2,
  rude: -2,
  waste: -2,
  complaint: -1,
  cancel: -1,
  refund: -1,
  // positive
  thanks: 1,
  thank: 1,
  good: 2,
  great: 3,
  excellent: 3,
  perfect: 3,
  amazing: 3,
  awesome: 3,
  love: 3,
  happy: 2,
  glad: 2,
  pleased: 2,
  helpful: 2,
  quick: 1,
  fast: 1,
  easy: 1,
  works: 1,
  fixed: 2,
  solved: 2,
  resolved: 2,
  appreciate: 2,
  satisfied: 2,
};

export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'hardly',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "can't",
  'cannot',
  "won't",
  "haven't",
  "hasn't",
]);

export const NEGATION_FACTOR = -0.5;
export const NEGATION_WINDOW = 3;
export const NORMALISATION_ALPHA = 15;
export const LABEL_THRESHOLD = 0.2;

export interface SentimentResult {
  score: number;
  label: TicketSentiment;
}

export function tokenize(text: string): string[] {
  // Typographic apostrophes (’) are common in mail clients; treat them like ASCII ones.
  return (
    text
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .match(/[a-z]+(?:'[a-z]+)?/g) ?? []
  );
}

export function labelForScore(score: number): TicketSentiment {
  if (score <= -LABEL_THRESHOLD) return TicketSentiment.NEGATIVE;
  if (score >= LABEL_THRESHOLD) return TicketSentiment.POSITIVE;
  return TicketSentiment.NEUTRAL;
}

/** Scores one text with the rule above; pure and deterministic. */
export function analyzeSentiment(text: string): SentimentResult {
  const tokens = tokenize(text);
  const lastBut = tokens.lastIndexOf('but');
  let sum = 0;
  tokens.forEach((token, i) => {
    let weight = LEXICON[token] ?? 0;
    if (weight === 0) return;
    const window = tokens.slice(Math.max(0, i - NEGATION_WINDOW), i);
    if (window.some((t) => NEGATORS.has(t))) weight *= NEGATION_FACTOR;
    if (lastBut >= 0) weight *= i < lastBut ? 0.5 : 1.5;
    sum += weight;
  });
  const raw = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  const score = Math.round(raw * 1000) / 1000 || 0; // `|| 0` turns −0 into 0
  return { score, label: labelForScore(score) };
}
