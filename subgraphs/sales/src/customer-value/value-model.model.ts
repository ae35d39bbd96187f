import { Schema, type Connection, type Model } from 'mongoose';
import type { BgnbdEstimate, GammaGammaEstimate, RfmBreakpoints } from '../value-model';

export type RefitTriggerKind = 'API' | 'SCHEDULE' | 'IMPORT';

/**
 * One fit of the value model over the customer base (collection `value_models`); the newest `fittedAt` is
 * the current model. Kept as history, so a change in the numbers can be traced back to the fit behind it.
 */
export interface ValueModelDoc {
  _id: string;
  status: 'ok' | 'insufficient-data';
  /** Why no parameters were fitted (status insufficient-data). */
  reason?: string | null;
  /** Observation end: orders up to this time were used. */
  asOf: Date;
  fittedAt: Date;
  durationMs: number;
  trigger: RefitTriggerKind;
  currency: string;
  timeUnit: 'day';
  customers: number;
  repeatBuyers: number;
  bgnbd: BgnbdEstimate | null;
  /** MBG/NBD fitted on the same base; absent in fits stored before it existed. */
  mbgnbd?: BgnbdEstimate | null;
  gammaGamma: GammaGammaEstimate | null;
  rfm: RfmBreakpoints | null;
  warnings: string[];
}

export const valueModelSchema = new Schema<ValueModelDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, enum: ['ok', 'insufficient-data'] },
    reason: { type: String, default: null },
    asOf: { type: Date, required: true },
    fittedAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    trigger: { type: String, required: true, enum: ['API', 'SCHEDULE', 'IMPORT'] },
    currency: { type: String, required: true },
    timeUnit: { type: String, required: true },
    customers: { type: Number, required: true },
    repeatBuyers: { type: Number, required: true },
    // Parameter blocks are produced and read by value-model/ as plain objects.
    bgnbd: { type: Schema.Types.Mixed, default: null },
    mbgnbd: { type: Schema.Types.Mixed, default: null },
    gammaGamma: { type: Schema.Types.Mixed, default: null },
    rfm: { type: Schema.Types.Mixed, default: null },
    warnings: { type: [String], default: [] },
  },
  { collection: 'value_models', versionKey: false, minimize: false },
);

// `valueModel` and every Customer.valueModelScores read the newest fit.
valueModelSchema.index({ fittedAt: -1 });

export type ValueModelModel = Model<ValueModelDoc>;

export function valueModelModel(connection: Connection): ValueModelModel {
  return connection.model<ValueModelDoc>('ValueModel', valueModelSchema);
}
