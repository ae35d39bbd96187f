import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';

export interface SurveyAnswerDoc {
  _id: string;
  customerId: string;
  surveyId: string;
  /** Net Promoter answer, 0–10. */
  score: number;
  comment?: string;
  channel?: TouchpointChannel;
  answeredAt: Date;
  createdAt: Date;
}

export const surveyAnswerSchema = new Schema<SurveyAnswerDoc>(
  {
    _id: { type: String, default: () => newId('sva') },
    customerId: { type: String, required: true },
    surveyId: { type: String, required: true, maxlength: 64 },
    score: { type: Number, required: true, min: 0, max: 10 },
    comment: { type: String, maxlength: 2000 },
    channel: { type: String, enum: Object.values(TouchpointChannel) },
    answeredAt: { type: Date, required: true },
  },
  { collection: 'survey_answers', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

// Customer.surveyAnswers (newest first) and advocacy's latest NPS per customer.
surveyAnswerSchema.index({ customerId: 1, answeredAt: -1 });
// One answer per customer and survey (a quarterly NPS uses one survey id per quarter).
surveyAnswerSchema.index({ customerId: 1, surveyId: 1 }, { unique: true });

export type SurveyAnswerModel = Model<SurveyAnswerDoc>;

export function surveyAnswerModel(connection: Connection): SurveyAnswerModel {
  return connection.model<SurveyAnswerDoc>('SurveyAnswer', surveyAnswerSchema);
}
