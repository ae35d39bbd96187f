import { badInput, conflict } from '../../../../shared/errors';
import type { Clock } from '../common/clock';
import type { CustomerService } from '../customer/customer.service';
import type { RecordSurveyAnswerInput } from './survey-answer.input';
import type { SurveyAnswerDoc, SurveyAnswerModel } from './survey-answer.model';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export class SurveyAnswerService {
  constructor(
    private readonly answers: SurveyAnswerModel,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordSurveyAnswerInput): Promise<SurveyAnswerDoc> {
    const now = this.clock();
    const answeredAt = input.answeredAt ?? now;
    if (answeredAt.getTime() > now.getTime() + 5 * 60_000)
      throw badInput('answeredAt', 'must not be in the future');
    await this.customers.getActive(input.customerId);
    if (await this.answers.exists({ customerId: input.customerId, surveyId: input.surveyId })) {
      throw conflict(`Customer ${input.customerId} already answered survey ${input.surveyId}`, {
        field: 'surveyId',
      });
    }
    const doc = await this.answers.create({
      customerId: input.customerId,
      surveyId: input.surveyId,
      score: input.score,
      comment: input.comment?.trim() || undefined,
      channel: input.channel ?? undefined,
      answeredAt,
    });
    return doc.toObject();
  }

  /** Every answer of many customers in one query, newest first. */
  async forCustomers(customerIds: readonly string[]): Promise<SurveyAnswerDoc[]> {
    return this.answers
      .find(trustedFilter({ customerId: { $in: customerIds } }))
      .sort({ customerId: 1, answeredAt: -1, _id: -1 })
      .lean<SurveyAnswerDoc[]>();
  }
}
