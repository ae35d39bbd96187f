import { TimelineChannel, TimelineKind, TimelineSource } from '../../../../shared/contract/timeline';
import { formatMoney } from '../../../../shared/money/money';
import {
  channelMatch,
  withoutChannel,
  type TimelineEntryData,
} from '../../../../shared/timeline/timeline.logic';
import { timelineCollection, type TimelineReader } from '../../../../shared/timeline/timeline.source';
import type { SalesModels } from '../models';
import { OrderChannel } from '../order/order.enums';
import type { OrderDoc } from '../order/order.model';
import type { ReturnDoc } from '../return/return.model';

const source = TimelineSource.SALES;

export function orderEntry(doc: OrderDoc): TimelineEntryData {
  return {
    id: `order:${doc._id}`,
    at: doc.placedAt,
    kind: TimelineKind.ORDER_PLACED,
    channel: TimelineChannel[doc.channel],
    summary: `Order ${doc.orderNumber} placed: ${formatMoney(doc.totalMinor, doc.currency)} (now ${doc.status})`,
    source,
    subjectId: doc._id,
    orderId: doc._id,
  };
}

export function returnEntry(doc: ReturnDoc): TimelineEntryData {
  const units = doc.items.reduce((n, i) => n + i.quantity, 0);
  return {
    id: `return:${doc._id}`,
    at: doc.createdAt,
    kind: TimelineKind.RETURN,
    channel: null,
    summary: `Returned ${units} item${units === 1 ? '' : 's'} of order ${doc.orderNumber} (${doc.reason}): ${formatMoney(doc.amountMinor, doc.currency)} refunded`,
    source,
    subjectId: doc._id,
    orderId: doc.orderId,
  };
}

/** Sales' collections on the timeline (each read through its customer/time index). */
export function salesTimelineCollections(models: SalesModels): TimelineReader[] {
  return [
    timelineCollection({
      model: models.orders,
      prefix: 'order',
      customerField: 'customerId',
      timeField: 'placedAt',
      kinds: [TimelineKind.ORDER_PLACED],
      match: (filter) => channelMatch(filter, Object.values(OrderChannel)),
      toEntry: orderEntry,
    }),
    timelineCollection({
      model: models.returns,
      prefix: 'return',
      customerField: 'customerId',
      timeField: 'createdAt',
      kinds: [TimelineKind.RETURN],
      match: withoutChannel,
      toEntry: returnEntry,
    }),
  ];
}
