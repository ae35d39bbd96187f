import { registerEnumType } from 'type-graphql';

export enum OrderStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
  PARTIALLY_RETURNED = 'PARTIALLY_RETURNED',
}

/**
 * Orders in these statuses are not purchases (an undone purchase is no purchase): purchase stats and the value
 * model's summaries both leave them out, so `lastOrderAt` and RFM recency agree.
 */
export const NOT_PURCHASE_STATUSES = [OrderStatus.CANCELLED, OrderStatus.RETURNED];

export enum OrderChannel {
  WEB = 'WEB',
  APP = 'APP',
  STORE = 'STORE',
  PHONE = 'PHONE',
  MARKETPLACE = 'MARKETPLACE',
  SOCIAL = 'SOCIAL',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where an order is in its life. CANCELLED orders never count as purchases.',
  valuesConfig: {
    PENDING: { description: 'Placed, not paid yet.' },
    PAID: { description: 'Payment captured.' },
    SHIPPED: { description: 'Handed to the carrier.' },
    DELIVERED: { description: 'Received by the customer.' },
    CANCELLED: { description: 'Cancelled before fulfilment; excluded from revenue and counts.' },
    RETURNED: { description: 'Every item has been returned.' },
    PARTIALLY_RETURNED: { description: 'Some items have been returned.' },
  },
});

registerEnumType(OrderChannel, {
  name: 'OrderChannel',
  description: 'Where the order was placed.',
  valuesConfig: {
    WEB: { description: 'The online shop.' },
    APP: { description: 'The mobile app.' },
    STORE: { description: 'A physical store.' },
    PHONE: { description: 'By phone, with a sales or support agent.' },
    MARKETPLACE: { description: 'A third-party marketplace.' },
    SOCIAL: { description: 'A social network’s shop.' },
  },
});
