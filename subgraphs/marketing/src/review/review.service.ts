import { badInput, conflict } from '../../../../shared/errors';
import type { Clock } from '../../../../shared/time/clock';
import type { CustomerService } from '../customer/customer.service';
import type { RecordReviewInput } from './review.input';
import type { ReviewDoc, ReviewModel } from './review.model';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export class ReviewService {
  constructor(
    private readonly reviews: ReviewModel,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordReviewInput): Promise<ReviewDoc> {
    const now = this.clock();
    const reviewedAt = input.reviewedAt ?? now;
    if (reviewedAt.getTime() > now.getTime() + 5 * 60_000)
      throw badInput('reviewedAt', 'must not be in the future');
    await this.customers.getActive(input.customerId);
    if (
      input.productId &&
      (await this.reviews.exists({ customerId: input.customerId, productId: input.productId }))
    ) {
      throw conflict(`Customer ${input.customerId} already reviewed product ${input.productId}`, {
        field: 'productId',
      });
    }
    const doc = await this.reviews.create({
      customerId: input.customerId,
      rating: input.rating,
      title: input.title?.trim() || undefined,
      text: input.text?.trim() || undefined,
      productId: input.productId ?? undefined,
      reviewedAt,
    });
    return doc.toObject();
  }

  async forCustomers(customerIds: readonly string[]): Promise<ReviewDoc[]> {
    return this.reviews
      .find(trustedFilter({ customerId: { $in: customerIds } }))
      .sort({ customerId: 1, reviewedAt: -1, _id: -1 })
      .lean<ReviewDoc[]>();
  }
}
