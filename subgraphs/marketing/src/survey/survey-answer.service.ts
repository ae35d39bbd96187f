import type { EventOutbox } from '../../../../shared/events';
import { badInput, conflict } from '../../../../shared/errors';
import type { Clock } from '../../../../shared/time/clock';
import type { CustomerService } from '../customer/customer.service';
import type { RecordSurveyAnswerInput } from './survey-answer.input';
import type { SurveyAnswerDoc, SurveyAnswerModel } from './survey-answer.model';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export class SurveyAnswerService {
  constructor(
    private readonly answers: SurveyAnswerModel,
    private readonly customers: CustomerService,
    private readonly outbox: EventOutbox,
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
    // The answer and its survey.answered event commit together (the comment stays out of the event).
    return this.outbox.runInTransaction(async (session, emit) => {
      const [doc] = await this.answers.create(
        [
          {
            customerId: input.customerId,
            surveyId: input.surveyId,
            score: input.score,
            comment: input.comment?.trim() || undefined,
            channel: input.channel ?? undefined,
            answeredAt,
          },
        ],
        { session },
      );
      const answer = doc.toObject() as SurveyAnswerDoc;
      emit('survey.answered', answer.customerId, {
        answerId: answer._id,
        survey: answer.surveyId,
        score: answer.score ?? null,
      });
      return answer;
    });
  }

  /** Every answer of many customers in one query, newest first. */
  async forCustomers(customerIds: readonly string[]): Promise<SurveyAnswerDoc[]> {
    return this.answers
      .find(trustedFilter({ customerId: { $in: customerIds } }))
      .sort({ customerId: 1, answeredAt: -1, _id: -1 })
      .lean<SurveyAnswerDoc[]>();
  }
}
