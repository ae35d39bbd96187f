import { registerEnumType } from 'type-graphql';

/** Calls and chats; other channels (mail, forms, social) arrive as tickets. */
export enum SupportInteractionKind {
  CALL = 'CALL',
  CHAT = 'CHAT',
}

export enum SupportInteractionDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}

export enum SupportInteractionOutcome {
  ANSWERED = 'ANSWERED',
  MISSED = 'MISSED',
  ABANDONED = 'ABANDONED',
  VOICEMAIL = 'VOICEMAIL',
}

registerEnumType(SupportInteractionKind, {
  name: 'SupportInteractionKind',
  description: 'A phone call or a live chat.',
  valuesConfig: { CALL: { description: 'A phone call.' }, CHAT: { description: 'A live chat.' } },
});
registerEnumType(SupportInteractionDirection, {
  name: 'SupportInteractionDirection',
  description: 'Who started it: the customer (INBOUND) or the company (OUTBOUND).',
  valuesConfig: {
    INBOUND: { description: 'The customer called or opened the chat.' },
    OUTBOUND: { description: 'An agent called or wrote to the customer.' },
  },
});
registerEnumType(SupportInteractionOutcome, {
  name: 'SupportInteractionOutcome',
  description: 'How it ended: talked (ANSWERED), not picked up, hung up while waiting, or left a voicemail.',
  valuesConfig: {
    ANSWERED: { description: 'The two sides talked.' },
    MISSED: { description: 'Nobody picked up.' },
    ABANDONED: { description: 'The customer hung up or left while waiting.' },
    VOICEMAIL: { description: 'A voicemail was left.' },
  },
});
