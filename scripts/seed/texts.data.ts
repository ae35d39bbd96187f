/**
 * Wording of tickets, survey comments and reviews. Support messages are English because support's
 * sentiment rule reads English; each customer message is filed under the tone support's lexicon gives it
 * (a unit test checks every template), so a story that wants an upset customer gets a NEGATIVE ticket.
 * Placeholders: {product}, {order}, {name}.
 */

export type Tone = 'negative' | 'neutral' | 'positive';

export type TicketTopic = 'COMPLAINT' | 'QUESTION' | 'RETURN' | 'TECHNICAL' | 'BILLING';

export interface TopicTexts {
  subjects: readonly string[];
  /** The customer's first message, by tone. */
  opening: Readonly<Partial<Record<Tone, readonly string[]>>>;
  /** A customer's follow-up while the issue is open, by tone. */
  followUp: Readonly<Partial<Record<Tone, readonly string[]>>>;
  agentReplies: readonly string[];
  /** Reason written with the RESOLVED status change. */
  resolutions: readonly string[];
}

export const TICKET_TEXTS: Readonly<Record<TicketTopic, TopicTexts>> = {
  COMPLAINT: {
    subjects: [
      'Damaged item in order {order}',
      'Still waiting for my refund',
      'Wrong item delivered',
      'Very poor service',
      'Replacement never arrived',
    ],
    opening: {
      negative: [
        'The {product} from order {order} arrived damaged and nobody answered my email. I am really disappointed, this is unacceptable.',
        'I returned the {product} two weeks ago and I still have no refund. This is ridiculous and I am frustrated.',
        'You sent me the wrong item again. Terrible service, I am very annoyed.',
        'The replacement {product} is broken as well. What a waste of money, I am upset.',
      ],
    },
    followUp: {
      negative: [
        'Still nothing. This is the worst experience I have had with any shop.',
        'I have been waiting for days. Awful. I want my refund now.',
      ],
      neutral: ['I sent the photos you asked for.', 'Attached is the delivery note.'],
    },
    agentReplies: [
      'I am sorry about this, {name}. I have escalated your case to our logistics team.',
      'Thank you for your patience. I have arranged a replacement and a courier pick-up.',
      'I can see the return in our system; the refund is being processed today.',
    ],
    resolutions: ['Refund issued', 'Replacement delivered', 'Voucher granted as an apology'],
  },
  QUESTION: {
    subjects: [
      'Question about {product}',
      'Is the {product} dishwasher safe?',
      'Delivery times to my address',
      'Which grinder setting for pour-over?',
    ],
    opening: {
      neutral: [
        'Hi, could you tell me whether the {product} is dishwasher safe?',
        'Hello, how long does delivery to my city usually take?',
        'Which size of the {product} would you recommend for two people?',
        'Do you ship to Austria and Germany as well?',
      ],
    },
    followUp: {
      positive: ['Thanks, that was helpful!', 'Great, thank you for the quick answer.'],
      neutral: ['One more question: is there a warranty?'],
    },
    agentReplies: [
      'Hi {name}, yes it is; we recommend the gentle programme.',
      'Delivery usually takes two to four working days.',
      'For two people the medium size is the usual choice.',
    ],
    resolutions: ['Question answered', 'Information sent'],
  },
  RETURN: {
    subjects: ['Return for order {order}', 'How do I return the {product}?', 'Return label request'],
    opening: {
      neutral: [
        'I would like to return the {product} from order {order}. How do I get a return label?',
        'The {product} does not fit my kitchen, can I send it back?',
      ],
      negative: ['The {product} is defective, I want to return it and get a refund.'],
    },
    followUp: {
      positive: ['Thanks, the label works.', 'Thank you, that was easy.'],
      neutral: ['I have dropped the parcel off today.'],
    },
    agentReplies: [
      'Hi {name}, I have emailed you a prepaid return label.',
      'You can return it within 30 days; the label is attached.',
    ],
    resolutions: ['Return label sent', 'Return received'],
  },
  TECHNICAL: {
    subjects: [
      'Cannot log in to the app',
      'Problem with the {product}',
      'App keeps logging me out',
      'Smart plug setup',
    ],
    opening: {
      neutral: [
        'I cannot log in to the app since yesterday, could you check my account?',
        'How do I pair the {product} with my phone?',
        'The app asks me to verify my email again every day.',
      ],
      negative: [
        'The app crashes every time I open my orders. Really frustrating.',
        'The {product} stopped working after a week, it is faulty.',
      ],
    },
    followUp: {
      positive: ['It works now, thanks!', 'Fixed, thank you for the help. Great support.'],
      neutral: ['I have updated the app as you suggested.'],
    },
    agentReplies: [
      'Hi {name}, please update the app to the latest version and sign in again.',
      'I have reset your session; please try again.',
      'Please hold the button for ten seconds to reset the device.',
    ],
    resolutions: [
      'Account unlocked',
      'Known issue fixed in the app update',
      'Device reset instructions worked',
    ],
  },
  BILLING: {
    subjects: ['Question about my invoice', 'Charged twice for order {order}', 'VAT invoice needed'],
    opening: {
      neutral: [
        'Could you send me a VAT invoice for order {order}?',
        'Which payment methods do you accept for large orders?',
      ],
      negative: ['I was overcharged for order {order}, the amount is wrong.'],
    },
    followUp: {
      positive: ['Thank you, I received it.', 'Thanks, all good now.'],
      neutral: ['My company name should be on the invoice.'],
    },
    agentReplies: [
      'Hi {name}, the invoice is attached.',
      'I have refunded the duplicate charge; it will show in 3–5 days.',
    ],
    resolutions: ['Invoice sent', 'Duplicate charge refunded'],
  },
};

/** Notes support writes when a ticket waits (PENDING / ON_HOLD) or is closed. */
export const STATUS_REASONS = {
  pending: ['Waiting for the customer', 'Asked the customer for photos', 'Asked for the order number'],
  onHold: ['Waiting for the carrier', 'Waiting for the warehouse', 'Escalated to engineering'],
  closed: ['No further reply from the customer', 'Closed after confirmation'],
};

export const NPS_COMMENTS: Readonly<Record<'promoter' | 'passive' | 'detractor', readonly string[]>> = {
  promoter: [
    'Love the coffee and the fast delivery.',
    'Great quality, I recommend you to all my friends.',
    'Excellent service every time.',
  ],
  passive: ['Good products, delivery could be faster.', 'Fine overall.', 'Prices are a bit high.'],
  detractor: [
    'The refund took far too long.',
    'Damaged parcel and slow support.',
    'Not happy with the service lately.',
  ],
};

export const REVIEW_TEXTS: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly { title: string; text: string }[]>> = {
  5: [
    { title: 'Perfect', text: 'Exactly as described, excellent quality.' },
    { title: 'Love it', text: 'I use it every day, worth every cent.' },
  ],
  4: [
    { title: 'Very good', text: 'Good quality, delivery took a little longer than expected.' },
    { title: 'Happy with it', text: 'Does what it should; the packaging could be smaller.' },
  ],
  3: [{ title: 'OK', text: 'Decent, but nothing special for the price.' }],
  2: [{ title: 'Disappointing', text: 'Looked better in the pictures.' }],
  1: [
    { title: 'Broke after a week', text: 'Stopped working after a few days; returned it.' },
    { title: 'Arrived damaged', text: 'The box was crushed and the item scratched.' },
  ],
};

export const RETURN_COMMENTS: readonly string[] = [
  'Does not match the photos',
  'Ordered two sizes, keeping one',
  'Arrived scratched',
  'Gift the recipient already had',
  'Stopped working',
];
