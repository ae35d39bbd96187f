import { AppError, ErrorCode } from '../../../shared/errors';
import { jsonObjectProblem } from '../../../subgraphs/marketing/src/common/json-object';
import {
  TouchpointChannel as C,
  TouchpointType as T,
} from '../../../subgraphs/marketing/src/touchpoint/touchpoint.enums';
import { RecordTouchpointInput } from '../../../subgraphs/marketing/src/touchpoint/touchpoint.input';
import { channelTypeProblem } from '../../../subgraphs/marketing/src/touchpoint/touchpoint.rules';
import {
  batchField,
  validateTouchpointItems,
} from '../../../subgraphs/marketing/src/touchpoint/touchpoint.validate';

const NOW = new Date('2025-06-01T12:00:00Z');
const CUS = 'cus_0123456789abcdef01234567';
const item = (over: Partial<RecordTouchpointInput> = {}) =>
  Object.assign(new RecordTouchpointInput(), {
    customerId: CUS,
    channel: C.WEB,
    type: T.PAGE_VIEW,
    occurredAt: new Date('2025-05-31T10:00:00Z'),
    ...over,
  });

const errorOf = (items: RecordTouchpointInput[]) => {
  try {
    validateTouchpointItems(items, NOW, batchField);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return (e as AppError).details.field;
  }
  throw new Error('expected a validation error');
};

describe('validateTouchpointItems', () => {
  it('accepts a valid batch', () => {
    expect(
      validateTouchpointItems([item(), item({ channel: C.EMAIL, type: T.EMAIL_OPEN })], NOW, batchField),
    ).toHaveLength(2);
  });

  it('names the index and field of the first bad item', () => {
    const items = [item(), item(), item({ customerId: 'cus_nope' }), item({ eventId: 'has space' })];
    expect(errorOf(items)).toBe('touchpoints[2].customerId');
    expect(errorOf([item(), item({ properties: { $where: 'x' } })])).toBe('touchpoints[1].properties');
    expect(errorOf([item(), item(), item(), item({ channel: C.SMS, type: T.EMAIL_OPEN })])).toBe(
      'touchpoints[3].type',
    );
    expect(errorOf([item({ occurredAt: new Date('2025-06-01T13:00:00Z') })])).toBe(
      'touchpoints[0].occurredAt',
    );
    expect(errorOf([item({ eventId: 'e1' }), item({ eventId: 'e1' })])).toBe('touchpoints[1].eventId');
  });

  it('bounds the batch size', () => {
    expect(errorOf([])).toBe('touchpoints');
    expect(errorOf(Array.from({ length: 1001 }, () => item()))).toBe('touchpoints');
    expect(
      validateTouchpointItems(
        Array.from({ length: 1000 }, () => item()),
        NOW,
        batchField,
      ),
    ).toHaveLength(1000);
  });

  it('validates plain objects too (items that were not converted to the input class)', () => {
    expect(errorOf([{ ...item(), channel: 'FAX' } as unknown as RecordTouchpointInput])).toBe(
      'touchpoints[0].channel',
    );
  });
});

describe('channelTypeProblem', () => {
  it('allows plausible pairs and explains impossible ones', () => {
    expect(channelTypeProblem(C.EMAIL, T.EMAIL_CLICK)).toBeNull();
    expect(channelTypeProblem(C.STORE, T.STORE_VISIT)).toBeNull();
    expect(channelTypeProblem(C.WEB, T.HELP_ARTICLE_VIEW)).toBeNull();
    expect(channelTypeProblem(C.PHONE, T.STORE_VISIT)).toMatch(/STORE_VISIT cannot happen on channel PHONE/);
  });
});

describe('jsonObjectProblem', () => {
  it('accepts ordinary properties and refuses operator keys, dotted keys, depth and size', () => {
    expect(jsonObjectProblem({ utm: { source: 'newsletter' }, items: [1, 2] })).toBeNull();
    expect(jsonObjectProblem({ 'a.b': 1 })).toMatch(/dot/);
    expect(jsonObjectProblem({ nested: { $gt: 1 } })).toMatch(/\$/);
    expect(jsonObjectProblem({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toMatch(/deeper/);
    expect(jsonObjectProblem({ blob: 'x'.repeat(9000) })).toMatch(/bytes/);
    expect(jsonObjectProblem([1, 2])).toMatch(/object/);
  });
});
