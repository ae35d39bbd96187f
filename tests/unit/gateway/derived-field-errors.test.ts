import { pointAtRequestedFields, requiresIndex } from '../../../gateway/src/http/derived-field-errors';

const SUPERGRAPH = `
type Customer @join__type(graph: INSIGHTS, key: "id") @join__type(graph: SALES, key: "id") {
  id: ID!
  purchaseStats: PurchaseStats @join__field(graph: INSIGHTS, external: true) @join__field(graph: SALES, requires: "mergedIds")
  lifecycle: Lifecycle @join__field(graph: INSIGHTS, requires: "purchaseStats { orderCount } supportStats { openComplaints }")
  value: CustomerValue @join__field(graph: INSIGHTS, requires: "purchaseStats { orderCount } advocacy { lastNpsScore }")
}
`;

const sales = (path: Array<string | number>) => ({
  message: 'The sales service is unavailable; try again shortly',
  path,
  extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'sales' },
});

describe('requiresIndex', () => {
  it('maps each required fact to the fields computed from it', () => {
    const index = requiresIndex(SUPERGRAPH);
    expect(index.get('purchaseStats')).toEqual(['lifecycle', 'value']);
    expect(index.get('supportStats')).toEqual(['lifecycle']);
    expect(index.get('advocacy')).toEqual(['value']);
    expect(index.get('mergedIds')).toEqual(['purchaseStats']);
    expect(index.get('lifecycle')).toBeUndefined();
  });
});

describe('pointAtRequestedFields', () => {
  const index = requiresIndex(SUPERGRAPH);

  it('moves an error on a fact the client did not select to the null fields computed from it', () => {
    const data = { customer: { id: 'c1', lifecycle: null, value: null } };
    expect(pointAtRequestedFields(data, [sales(['customer', 'purchaseStats'])], index)).toEqual([
      sales(['customer', 'lifecycle']),
      sales(['customer', 'value']),
    ]);
  });

  it('keeps an error on a field the client selected, adds one on each null field computed from it, one per path', () => {
    const data = { customer: { id: 'c1', purchaseStats: null, lifecycle: null } };
    const errors = [sales(['customer', 'purchaseStats']), sales(['customer', 'purchaseStats'])];
    expect(pointAtRequestedFields(data, errors, index)).toEqual([
      sales(['customer', 'purchaseStats']),
      sales(['customer', 'lifecycle']),
    ]);
  });

  it('in lists, per item', () => {
    const data = {
      customers: { edges: [{ node: { id: 'a', lifecycle: null } }, { node: { id: 'b', lifecycle: null } }] },
    };
    const errors = [0, 1].map((i) => sales(['customers', 'edges', i, 'node', 'purchaseStats']));
    expect(pointAtRequestedFields(data, errors, index)).toEqual([
      sales(['customers', 'edges', 0, 'node', 'lifecycle']),
      sales(['customers', 'edges', 1, 'node', 'lifecycle']),
    ]);
  });

  it('a computed field that was not nulled is not blamed; the error then points at the object', () => {
    const data = { customer: { id: 'c1', lifecycle: { stage: 'PURCHASE' } } };
    expect(pointAtRequestedFields(data, [sales(['customer', 'purchaseStats'])], index)).toEqual([
      sales(['customer']),
    ]);
  });

  it('errors without a path, or whose object is null, stay as they are', () => {
    const noPath = { message: 'x', extensions: { code: 'BAD_USER_INPUT' } };
    const data = { customer: null };
    const errors = [noPath, sales(['customer', 'purchaseStats'])];
    expect(pointAtRequestedFields(data, errors, index)).toEqual(errors);
  });
});
