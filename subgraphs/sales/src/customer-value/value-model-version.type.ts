import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { ValueModelInfo } from './value-model.type';

@ObjectType()
export class ValueModelEdge {
  @Field()
  cursor!: string;

  @Field(() => ValueModelInfo)
  node!: ValueModelInfo;
}

@ObjectType({ description: 'Stored fits of the value model (versions), newest first (Relay connection).' })
export class ValueModelConnection {
  @Field(() => [ValueModelEdge])
  edges!: ValueModelEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
