import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TimelineChannel, TimelineKind } from '../../../../shared/contract/timeline';

@InputType({ description: 'Narrows a timeline; every condition given must hold.' })
export class TimelineFilter {
  @Field(() => [TimelineKind], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(TimelineKind).length)
  @IsEnum(TimelineKind, { each: true })
  kinds?: TimelineKind[] | null;

  @Field(() => [TimelineChannel], {
    nullable: true,
    description: 'Only events on these channels (events without a channel, such as reviews, drop out).',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(TimelineChannel).length)
  @IsEnum(TimelineChannel, { each: true })
  channels?: TimelineChannel[] | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  @IsOptional()
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  @IsOptional()
  until?: Date | null;
}
