import { IsDate, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';

@InputType()
export class RecordSurveyAnswerInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  customerId!: string;

  @Field({ description: 'The survey (e.g. `nps-2025-q1`); one answer per customer and survey.' })
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1–64 letters, digits, . _ : -' })
  surveyId!: string;

  @Field(() => Int, { description: '0–10.' })
  @IsInt()
  @Min(0)
  @Max(10)
  score!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  comment?: string | null;

  @Field(() => TouchpointChannel, { nullable: true })
  @IsOptional()
  @IsEnum(TouchpointChannel)
  channel?: TouchpointChannel | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  answeredAt?: Date | null;
}
