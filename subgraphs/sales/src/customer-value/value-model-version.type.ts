import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { ValueModelInfo } from './value-model.type';

@ObjectType({ description: 'One stored fit in a `valueModels` page.' })
export class ValueModelEdge {
  @Field({ description: 'Opaque cursor of this fit, for `after`.' })
  cursor!: string;

  @Field(() => ValueModelInfo, { description: 'The stored fit.' })
  node!: ValueModelInfo;
}

@ObjectType({ description: 'Stored fits of the value model (versions), newest first (Relay connection).' })
export class ValueModelConnection {
  @Field(() => [ValueModelEdge], { description: 'The fits of this page, newest first.' })
  edges!: ValueModelEdge[];

  @Field(() => PageInfo, { description: 'Whether more fits follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Every stored fit, regardless of pagination.' })
  totalCount!: number;
}
