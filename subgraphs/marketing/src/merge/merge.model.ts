import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import type { CustomerDoc } from '../customer/customer.model';
import { MergeMethod, MergeRole, MergeStatus } from './merge.enums';

/** One attribute's part in a match score, as recorded with the merge. */
export interface MergeEvidence {
  attribute: string;
  level: string;
  weight: number;
  description?: string;
}

export interface MergeSnapshot {
  customerId: string;
  role: MergeRole;
  /** The whole profile document before the merge: unmerge writes it back. */
  before: CustomerDoc;
  /** The profile's revision right after the merge wrote it (unmerge refuses if it moved since). */
  revisionAfter: number;
}

export interface MergeDoc {
  _id: string;
  survivorId: string;
  mergedIds: string[];
  status: MergeStatus;
  method: MergeMethod;
  /** RULE: which identifier (`email:…`); SCORE: absent. */
  rule?: string;
  probability?: number;
  matchWeight?: number;
  evidence: MergeEvidence[];
  /** The engine's one-sentence explanation, when the engine proposed the merge. */
  explanation?: string;
  reason: string;
  actor: string;
  /** The identity job that merged automatically, if any. */
  jobId?: string;
  snapshots: MergeSnapshot[];
  createdAt: Date;
  appliedAt?: Date;
  rolledBackAt?: Date;
  failure?: string;
  undoneAt?: Date;
  undoneBy?: string;
  updatedAt: Date;
}

const enumOf = (e: object) => Object.values(e) as string[];

export const mergeSchema = new Schema<MergeDoc>(
  {
    _id: { type: String, default: () => newId('mrg') },
    survivorId: { type: String, required: true },
    mergedIds: { type: [String], required: true },
    status: { type: String, enum: enumOf(MergeStatus), required: true },
    method: { type: String, enum: enumOf(MergeMethod), required: true },
    rule: { type: String },
    probability: { type: Number },
    matchWeight: { type: Number },
    evidence: [
      {
        _id: false,
        attribute: { type: String, required: true },
        level: { type: String, required: true },
        weight: { type: Number, required: true },
        description: { type: String },
      },
    ],
    explanation: { type: String, maxlength: 2000 },
    reason: { type: String, required: true, maxlength: 500 },
    actor: { type: String, required: true, maxlength: 200 },
    jobId: { type: String },
    snapshots: [
      {
        _id: false,
        customerId: { type: String, required: true },
        role: { type: String, enum: enumOf(MergeRole), required: true },
        // Mixed: the document exactly as stored, whatever fields it had.
        before: { type: Schema.Types.Mixed, required: true },
        revisionAfter: { type: Number, required: true },
      },
    ],
    appliedAt: { type: Date },
    rolledBackAt: { type: Date },
    failure: { type: String },
    undoneAt: { type: Date },
    undoneBy: { type: String },
  },
  // `minimize: false` keeps empty objects inside snapshots, so a restore is byte-for-byte what was there.
  { collection: 'merges', timestamps: true, versionKey: false, minimize: false },
);

// Customer.mergeHistory: merges a profile took part in, newest first.
mergeSchema.index({ 'snapshots.customerId': 1, createdAt: -1 });
// Recovery of interrupted merges.
mergeSchema.index({ status: 1, updatedAt: 1 });

export type MergeModel = Model<MergeDoc>;

export function mergeModel(connection: Connection): MergeModel {
  return connection.model<MergeDoc>('Merge', mergeSchema);
}
