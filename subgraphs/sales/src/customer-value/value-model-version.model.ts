import { Schema, type Connection, type Model } from 'mongoose';

/** Why a version is the one in use. */
export type ActivationKind = 'FIT' | 'ROLLBACK';

/**
 * Which stored fit (`value_models`) predictions use: one document (`_id: "active"`, collection
 * `value_model_active`), replaced atomically. Fits are versions; this is the pointer, so a fit that lacks
 * data, or a scheduled one while an explicit fit is pinned, is stored without touching predictions.
 */
export interface ValueModelActiveDoc {
  _id: 'active';
  modelId: string;
  /** Set by an explicit `refitValueModel(asOf)` or `activateValueModel`; scheduled refits leave it. */
  pinned: boolean;
  activatedAt: Date;
  kind: ActivationKind;
}

export const ACTIVE_ID = 'active' as const;

export const valueModelActiveSchema = new Schema<ValueModelActiveDoc>(
  {
    _id: { type: String, required: true },
    modelId: { type: String, required: true },
    pinned: { type: Boolean, required: true },
    activatedAt: { type: Date, required: true },
    kind: { type: String, required: true, enum: ['FIT', 'ROLLBACK'] },
  },
  { collection: 'value_model_active', versionKey: false },
);

export type ValueModelActiveModel = Model<ValueModelActiveDoc>;

export function valueModelActiveModel(connection: Connection): ValueModelActiveModel {
  return connection.model<ValueModelActiveDoc>('ValueModelActive', valueModelActiveSchema);
}
