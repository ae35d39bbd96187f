import { Field, Int, ObjectType } from 'type-graphql';
import { ConsentChannel } from '../../../../shared/contract';

@ObjectType({ description: 'Whether marketing may contact the customer right now, how, and why not.' })
export class ContactEligibility {
  @Field({
    description:
      'False during a complaint, a return or detractor cool-down, without consent or in quiet hours.',
  })
  contactableNow!: boolean;

  @Field(() => ConsentChannel, {
    nullable: true,
    description:
      'Consented channel to use: the preferred one when consented; null without any marketing consent.',
  })
  channel!: ConsentChannel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Hour (0–23, customer local time) to send: the usual engagement hour moved out of quiet hours.',
  })
  bestHour!: number | null;

  @Field(() => [String], {
    description: 'What blocks contact; when nothing does, how the channel was chosen.',
  })
  reasons!: string[];
}
