import { registerEnumType } from 'type-graphql';

export enum ReturnReason {
  DAMAGED = 'DAMAGED',
  DEFECTIVE = 'DEFECTIVE',
  WRONG_ITEM = 'WRONG_ITEM',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  SIZE_OR_FIT = 'SIZE_OR_FIT',
  CHANGED_MIND = 'CHANGED_MIND',
  ARRIVED_LATE = 'ARRIVED_LATE',
  OTHER = 'OTHER',
}

registerEnumType(ReturnReason, {
  name: 'ReturnReason',
  description: 'Why the customer sent items back.',
  valuesConfig: {
    DAMAGED: { description: 'Arrived damaged.' },
    DEFECTIVE: { description: 'Does not work as it should.' },
    WRONG_ITEM: { description: 'Not the item ordered.' },
    NOT_AS_DESCRIBED: { description: 'Differs from its description or pictures.' },
    SIZE_OR_FIT: { description: 'Wrong size or fit.' },
    CHANGED_MIND: { description: 'No longer wanted.' },
    ARRIVED_LATE: { description: 'Arrived too late to be of use.' },
    OTHER: { description: 'Any other reason (see the return’s comment, if any).' },
  },
});
