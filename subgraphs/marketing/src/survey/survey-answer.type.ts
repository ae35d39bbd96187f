import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NpsCategory } from '../../../../shared/contract';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';

@ObjectType({ description: 'A customer’s answer to an NPS survey.' })
export class SurveyAnswer {
  @Field(() => ID)
  id!: string;

  @Field()
  surveyId!: string;

  @Field(() => Int, { description: 'How likely to recommend us, 0–10.' })
  score!: number;

  @Field(() => NpsCategory)
  category!: NpsCategory;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => TouchpointChannel, { nullable: true })
  channel!: TouchpointChannel | null;

  @Field()
  answeredAt!: Date;
}
