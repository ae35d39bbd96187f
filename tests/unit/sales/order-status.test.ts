import { AppError } from '../../../shared/errors';
import { canTransition, statusAfterReturn } from '../../../subgraphs/sales/src/order/order-status';
import { OrderStatus as S } from '../../../subgraphs/sales/src/order/order.enums';

describe('order status transitions', () => {
  it('allows the forward fulfilment flow and cancellation before shipping', () => {
    expect(canTransition(S.PENDING, S.PAID)).toBe(true);
    expect(canTransition(S.PAID, S.SHIPPED)).toBe(true);
    expect(canTransition(S.SHIPPED, S.DELIVERED)).toBe(true);
    expect(canTransition(S.PAID, S.CANCELLED)).toBe(true);
  });

  it('forbids going backwards, cancelling shipped orders and setting return states by hand', () => {
    expect(canTransition(S.DELIVERED, S.PAID)).toBe(false);
    expect(canTransition(S.SHIPPED, S.CANCELLED)).toBe(false);
    expect(canTransition(S.DELIVERED, S.RETURNED)).toBe(false);
    expect(canTransition(S.CANCELLED, S.PAID)).toBe(false);
  });

  it('derives the status after a return, only for orders whose goods left', () => {
    expect(statusAfterReturn(S.DELIVERED, false)).toBe(S.PARTIALLY_RETURNED);
    expect(statusAfterReturn(S.PARTIALLY_RETURNED, true)).toBe(S.RETURNED);
    let err: unknown;
    try {
      statusAfterReturn(S.PENDING, false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_STATE_TRANSITION');
  });
});
