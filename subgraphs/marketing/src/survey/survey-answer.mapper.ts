import type { SurveyAnswerDoc } from './survey-answer.model';
import { npsCategory } from '../../../../shared/contract';
import type { SurveyAnswer } from './survey-answer.type';

export function toSurveyAnswer(doc: SurveyAnswerDoc): SurveyAnswer {
  return {
    id: doc._id,
    surveyId: doc.surveyId,
    score: doc.score,
    category: npsCategory(doc.score),
    comment: doc.comment ?? null,
    channel: doc.channel ?? null,
    answeredAt: doc.answeredAt,
  };
}
