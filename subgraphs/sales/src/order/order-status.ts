import { invalidTransition } from '../../../../shared/errors';
import { OrderStatus } from './order.enums';

/**
 * Forward-only fulfilment flow. Returns are not set by hand: `recordReturn` derives RETURNED /
 * PARTIALLY_RETURNED from the quantities, so they are absent here as targets.
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  [OrderStatus.PENDING]: [OrderStatus.PAID, OrderStatus.CANCELLED],
  [OrderStatus.PAID]: [OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED],
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED],
  [OrderStatus.DELIVERED]: [],
  [OrderStatus.PARTIALLY_RETURNED]: [],
  [OrderStatus.RETURNED]: [],
  [OrderStatus.CANCELLED]: [],
};

/** Statuses whose goods have left (or been paid for) and can therefore come back. */
export const RETURNABLE_STATUSES: readonly OrderStatus[] = [
  OrderStatus.PAID,
  OrderStatus.SHIPPED,
  OrderStatus.DELIVERED,
  OrderStatus.PARTIALLY_RETURNED,
];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw invalidTransition('Order', from, to);
}

/** Status after a return: RETURNED once every unit is back, otherwise PARTIALLY_RETURNED. */
export function statusAfterReturn(from: OrderStatus, everythingReturned: boolean): OrderStatus {
  const to = everythingReturned ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;
  if (!RETURNABLE_STATUSES.includes(from)) throw invalidTransition('Order', from, to);
  return to;
}
