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

registerEnumType(ReturnReason, { name: 'ReturnReason', description: 'Why the customer sent items back.' });
