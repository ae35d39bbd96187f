import type { ReviewDoc } from './review.model';
import type { Review } from './review.type';

export function toReview(doc: ReviewDoc): Review {
  return {
    id: doc._id,
    rating: doc.rating,
    title: doc.title ?? null,
    text: doc.text ?? null,
    productId: doc.productId ?? null,
    reviewedAt: doc.reviewedAt,
  };
}
