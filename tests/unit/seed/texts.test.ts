import { analyzeSentiment } from '../../../subgraphs/support/src/ticket/sentiment.lexicon';
import { TicketSentiment } from '../../../subgraphs/support/src/ticket/ticket.enums';
import { CATALOGUE } from '../../../scripts/seed/catalogue.data';
import { TICKET_TEXTS, type Tone } from '../../../scripts/seed/texts.data';

const LABEL: Record<Tone, TicketSentiment> = {
  negative: TicketSentiment.NEGATIVE,
  neutral: TicketSentiment.NEUTRAL,
  positive: TicketSentiment.POSITIVE,
};

describe('ticket wording', () => {
  // The story picks a tone to tell a persona's story (an upset complainer, a calm question); support's
  // lexicon decides the stored sentiment. They must agree, whatever product or order is filled in.
  it.each(Object.entries(TICKET_TEXTS))(
    '%s customer messages get the sentiment of their tone',
    (_topic, texts) => {
      for (const pool of [texts.opening, texts.followUp]) {
        for (const [tone, templates] of Object.entries(pool) as [Tone, string[]][]) {
          for (const template of templates) {
            for (const product of CATALOGUE) {
              const text = template
                .replace(/\{product\}/g, product.name)
                .replace(/\{order\}/g, 'SO-20261001-7K3M9QXA')
                .replace(/\{name\}/g, 'Anna');
              expect({ text, label: analyzeSentiment(text).label }).toEqual({ text, label: LABEL[tone] });
            }
          }
        }
      }
    },
  );

  it('has negative complaint openings and calm questions', () => {
    expect(TICKET_TEXTS.COMPLAINT.opening.negative?.length).toBeGreaterThan(0);
    expect(TICKET_TEXTS.QUESTION.opening.negative).toBeUndefined();
  });
});
