import fc from 'fast-check';
import { TicketSentiment } from '../../../subgraphs/support/src/ticket/ticket.enums';
import {
  analyzeSentiment,
  LABEL_THRESHOLD,
  labelForScore,
  tokenize,
} from '../../../subgraphs/support/src/ticket/sentiment.lexicon';

const { NEGATIVE, NEUTRAL, POSITIVE } = TicketSentiment;

describe('sentiment lexicon rule', () => {
  it('tokenizes words, keeps contractions and normalises typographic apostrophes', () => {
    expect(tokenize('It DIDN’T work, 2 times!')).toEqual(['it', "didn't", 'work', 'times']);
  });

  it('scores a single strong negative word by the normalisation S/√(S²+15)', () => {
    // "terrible" = −3 → −3/√24
    expect(analyzeSentiment('This is terrible').score).toBeCloseTo(-3 / Math.sqrt(24), 3);
  });

  it.each([
    ['My parcel arrived damaged and the box was missing a part. Unacceptable!', NEGATIVE],
    ['I am furious, you charged me twice', NEGATIVE],
    ['Thanks, great help, everything works perfect now', POSITIVE],
    ['Where can I find the invoice for order 1234?', NEUTRAL],
    ['', NEUTRAL],
  ])('%s → %s', (text, label) => {
    expect(analyzeSentiment(text).label).toBe(label);
  });

  it('negation within three words flips and halves a weight', () => {
    const good = analyzeSentiment('the service was good').score;
    const notGood = analyzeSentiment('the service was not good').score;
    expect(good).toBeGreaterThan(0);
    expect(notGood).toBeLessThan(0);
    expect(Math.abs(notGood)).toBeLessThan(Math.abs(good));
    expect(analyzeSentiment('not bad at all').score).toBeGreaterThan(0);
    // Four words away: out of the window, so no flip.
    expect(analyzeSentiment('not that it was really good').score).toBeGreaterThan(0);
  });

  it('after "but" the later clause dominates', () => {
    expect(analyzeSentiment('Thanks for the quick reply, but the app is still broken').label).toBe(NEGATIVE);
    expect(analyzeSentiment('The first parcel was late, but now everything is great').label).toBe(POSITIVE);
  });

  it('labels by the ±0.2 threshold', () => {
    expect(labelForScore(-LABEL_THRESHOLD)).toBe(NEGATIVE);
    expect(labelForScore(-0.19)).toBe(NEUTRAL);
    expect(labelForScore(0.19)).toBe(NEUTRAL);
    expect(labelForScore(LABEL_THRESHOLD)).toBe(POSITIVE);
  });

  it('is bounded, deterministic and consistent with its label for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const a = analyzeSentiment(text);
        expect(a.score).toBeGreaterThan(-1);
        expect(a.score).toBeLessThan(1);
        expect(a.label).toBe(labelForScore(a.score));
        expect(analyzeSentiment(text)).toEqual(a);
      }),
    );
  });

  it('more negative words never make a text more positive', () => {
    const words = fc.constantFrom('broken', 'late', 'angry', 'refund', 'order', 'the', 'box');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 20 }), (tokens) => {
        const base = analyzeSentiment(tokens.join(' ')).score;
        expect(analyzeSentiment([...tokens, 'terrible'].join(' ')).score).toBeLessThanOrEqual(base);
      }),
    );
  });
});
