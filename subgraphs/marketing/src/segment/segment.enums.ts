import { registerEnumType } from 'type-graphql';

export enum SegmentKind {
  /** Members are added and removed explicitly. */
  MANUAL = 'MANUAL',
  /** Members are every active profile matching the rules, evaluated when asked. */
  RULE = 'RULE',
}

registerEnumType(SegmentKind, { name: 'SegmentKind' });
