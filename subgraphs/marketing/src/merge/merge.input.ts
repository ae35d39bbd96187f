import { ArrayMaxSize, ArrayMinSize, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { MAX_MERGED_PER_CALL } from './merge.service';

const CUSTOMER_ID = { message: 'must look like cus_<24 hex digits>' };

@InputType({ description: 'Profiles to merge into one survivor.' })
export class MergeCustomersInput {
  @Field(() => ID, { description: 'The profile that stays; it keeps every identifier of the others.' })
  @Matches(idPattern(ID_PREFIX.customer), CUSTOMER_ID)
  survivorId!: string;

  @Field(() => [ID], { description: `1–${MAX_MERGED_PER_CALL} profiles merged away (status MERGED).` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MERGED_PER_CALL)
  @Matches(idPattern(ID_PREFIX.customer), { each: true, ...CUSTOMER_ID })
  mergedIds!: string[];

  @Field({ description: 'Why: recorded with the merge (audit).' })
  @Length(1, 500)
  reason!: string;
}
