import { parse } from 'graphql';
import { failedFetchErrors } from '../../../gateway/src/http/failed-fetch-errors';

const down = {
  message: 'The support service is unavailable; try again shortly',
  extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'support' },
};

describe('failedFetchErrors: one error per field a failed subgraph call was to fill', () => {
  it('an entity call: every selected field of every representation, in the subgraph operation’s paths', () => {
    const document = parse(`query Q__support__1($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Customer { __typename tickets(first: 5) { totalCount } open: supportStats { openTickets } }
      }
    }`);
    expect(failedFetchErrors(document, 2, down).map((e) => e.path)).toEqual([
      ['_entities', 0, 'tickets'],
      ['_entities', 0, 'open'],
      ['_entities', 1, 'tickets'],
      ['_entities', 1, 'open'],
    ]);
    expect(failedFetchErrors(document, 1, down)[0]).toEqual({ ...down, path: ['_entities', 0, 'tickets'] });
  });

  it('fields of named fragments count too', () => {
    const document = parse(`query($representations: [_Any!]!) {
      _entities(representations: $representations) { ...F }
    }
    fragment F on Customer { orders(first: 1) { totalCount } }`);
    expect(failedFetchErrors(document, 1, down).map((e) => e.path)).toEqual([['_entities', 0, 'orders']]);
  });

  it('a root call: one error per root field, by response name', () => {
    const document = parse('{ __typename t: tickets(first: 1) { totalCount } ticket(id: "x") { id } }');
    expect(failedFetchErrors(document, 0, down).map((e) => e.path)).toEqual([['t'], ['ticket']]);
  });

  it('a call that selects nothing it could name still reports the failure, without a path', () => {
    expect(failedFetchErrors(parse('{ __typename }'), 0, down)).toEqual([down]);
  });
});
