import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { registerEnumType } from 'type-graphql';

export enum IdentityJobKind {
  FIND_DUPLICATES = 'FIND_DUPLICATES',
  RECOMPUTE_HOUSEHOLDS = 'RECOMPUTE_HOUSEHOLDS',
}

export enum IdentityJobStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(IdentityJobKind, { name: 'IdentityJobKind' });
registerEnumType(IdentityJobStatus, { name: 'IdentityJobStatus' });

/** One contribution to a pair's match weight, stored compactly. */
export interface StoredContribution {
  attribute: string;
  level: string;
  weight: number;
  description: string;
}

export interface ReviewPairDoc {
  leftId: string;
  rightId: string;
  probability: number;
  matchWeight: number;
  decision: string;
  rules: string[];
  conflicts: string[];
  reason: string;
  contributions: StoredContribution[];
}

export interface IdentityJobDoc {
  _id: string;
  kind: IdentityJobKind;
  status: IdentityJobStatus;
  /** The job kind while RUNNING, unset after: a unique index keeps one running job per kind. */
  runningKey?: string;
  autoMerge: boolean;
  actor: string;
  startedAt: Date;
  /** Written every few seconds while the job runs: a stale one means its process died (recovery). */
  heartbeatAt?: Date;
  finishedAt?: Date;
  error?: string;
  stats?: Record<string, unknown>;
  /** FIND_DUPLICATES: pairs for a human, most probable first (capped, see `reviewTotal`). */
  review: ReviewPairDoc[];
  reviewTotal: number;
  /** FIND_DUPLICATES with autoMerge: the merges it applied. */
  mergeIds: string[];
  /** Clusters the engine would merge automatically (member ids), whether or not autoMerge was on. */
  autoMergeClusters: string[][];
}

const enumOf = (e: object) => Object.values(e) as string[];

const jobSchema = new Schema<IdentityJobDoc>(
  {
    _id: { type: String, default: () => newId('idj') },
    kind: { type: String, enum: enumOf(IdentityJobKind), required: true },
    status: { type: String, enum: enumOf(IdentityJobStatus), required: true },
    runningKey: { type: String },
    autoMerge: { type: Boolean, default: false },
    actor: { type: String, required: true },
    startedAt: { type: Date, required: true },
    heartbeatAt: { type: Date },
    finishedAt: { type: Date },
    error: { type: String },
    stats: { type: Schema.Types.Mixed },
    review: { type: Schema.Types.Mixed, default: [] },
    reviewTotal: { type: Number, default: 0 },
    mergeIds: { type: [String], default: [] },
    autoMergeClusters: { type: [[String]], default: [] },
  },
  { collection: 'identity_jobs', versionKey: false, minimize: false },
);
jobSchema.index({ kind: 1, status: 1, finishedAt: -1 });
// One running duplicate search per database. `$gt: ''` as for the customers' unique indexes (partial,
// not sparse; the same semantics on mongod and the embedded server).
jobSchema.index(
  { runningKey: 1 },
  { unique: true, partialFilterExpression: { runningKey: { $gt: '' } }, name: 'one_running_job' },
);

/** The trained Fellegi–Sunter model (plain JSON), reused by real-time matching until the next run. */
export interface StoredModelDoc {
  _id: string;
  /** JSON text: term-frequency keys are free text (dots, `$`), not safe as BSON field names. */
  modelJson: string;
  trainedOn: 'customers' | 'prior';
  profiles: number;
  createdAt: Date;
}

const modelSchema = new Schema<StoredModelDoc>(
  {
    _id: { type: String, required: true },
    modelJson: { type: String, required: true },
    trainedOn: { type: String, required: true },
    profiles: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'identity_models', versionKey: false, minimize: false },
);

export function identityJobModel(connection: Connection): Model<IdentityJobDoc> {
  return connection.model<IdentityJobDoc>('IdentityJob', jobSchema);
}

export function identityModelModel(connection: Connection): Model<StoredModelDoc> {
  return connection.model<StoredModelDoc>('IdentityModel', modelSchema);
}

export type IdentityJobModel = Model<IdentityJobDoc>;
export type StoredIdentityModel = Model<StoredModelDoc>;
