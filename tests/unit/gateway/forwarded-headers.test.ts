import { pickForwardedHeaders } from '../../../gateway/src/http/forwarded-headers';

describe('headers forwarded to subgraphs', () => {
  const incoming = {
    host: 'gateway.example.com',
    'content-length': '123',
    'content-type': 'application/json',
    cookie: 'session=secret',
    connection: 'keep-alive',
    authorization: 'Bearer abc',
    'accept-language': 'hu-HU,hu;q=0.9',
    'x-request-id': 'req-1',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: 'vendor=1',
    'x-tenant': 'acme',
  };

  it("passes language, correlation and trace context, not the caller's token", () => {
    expect(pickForwardedHeaders(incoming)).toEqual({
      'accept-language': 'hu-HU,hu;q=0.9',
      'x-request-id': 'req-1',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'vendor=1',
    });
  });

  it('never passes host, body, connection or cookie headers, even when configured', () => {
    const out = pickForwardedHeaders(incoming, ['cookie', 'Host', 'content-length', 'x-tenant']);
    expect(out).not.toHaveProperty('cookie');
    expect(out).not.toHaveProperty('host');
    expect(out).not.toHaveProperty('content-length');
    expect(out['x-tenant']).toBe('acme');
  });

  it('never passes identity a client declares, nor signature headers, even when configured', () => {
    const claimed = {
      authorization: 'Bearer abc',
      'x-actor-id': 'someone-else',
      'x-role': 'admin',
      'x-c360-principal': 'forged',
      'x-c360-signature': 'v1=00',
    };
    const names = Object.keys(claimed);
    expect(pickForwardedHeaders(claimed, names, () => 'id')).toEqual({ 'x-request-id': 'id' });
  });

  it('gives every request a request id', () => {
    expect(pickForwardedHeaders({}, [], () => 'generated')).toEqual({ 'x-request-id': 'generated' });
  });

  it('joins repeated headers', () => {
    expect(pickForwardedHeaders({ baggage: ['a=1', 'b=2'] } as never, [], () => 'id').baggage).toBe(
      'a=1, b=2',
    );
  });
});
