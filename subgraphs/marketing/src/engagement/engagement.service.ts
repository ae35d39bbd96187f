import type { TouchpointModel } from '../touchpoint/touchpoint.model';
import {
  engagementByCustomer,
  engagementPipeline,
  type EngagementRow,
  type EngagementSubject,
} from './engagement.logic';
import type { Engagement } from './engagement.type';

export class EngagementService {
  constructor(private readonly touchpoints: TouchpointModel) {}

  /** Engagement of many customers with ONE aggregation over touchpoints. */
  async forCustomers(subjects: readonly EngagementSubject[], now: Date): Promise<Map<string, Engagement>> {
    if (subjects.length === 0) return new Map();
    const rows = await this.touchpoints.aggregate<EngagementRow>(
      engagementPipeline(subjects, now) as never[],
    );
    return engagementByCustomer(subjects, rows);
  }
}
