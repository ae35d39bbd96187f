import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';

export enum NpsCategory {
  PROMOTER = 'PROMOTER',
  PASSIVE = 'PASSIVE',
  DETRACTOR = 'DETRACTOR',
}
registerEnumType(NpsCategory, {
  name: 'NpsCategory',
  description: '9–10 promoter, 7–8 passive, 0–6 detractor.',
});

/** The standard Net Promoter bands. */
export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return NpsCategory.PROMOTER;
  if (score >= 7) return NpsCategory.PASSIVE;
  return NpsCategory.DETRACTOR;
}

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
