import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { ArgumentValidationError } from 'type-graphql';
import { badInput, conflict, notFound } from '../../../shared/errors/app-error';
import { ERROR_RULES, publicErrorRule, toPublicError } from '../../../shared/errors/format-error';

/** What Apollo Server hands formatError for an error thrown in a resolver. */
function thrown(err: unknown, path = ['customer']): [GraphQLFormattedError, GraphQLError] {
  const gql = new GraphQLError(err instanceof Error ? err.message : String(err), {
    path,
    originalError: err instanceof Error ? err : undefined,
  });
  return [{ message: gql.message, path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, gql];
}

const prod = { service: 'sales', production: true };

describe('the error mapping table, case by case', () => {
  it('domain errors keep their code and details', () => {
    const [f, e] = thrown(notFound('Customer', 'c1'));
    expect(toPublicError(f, e, prod)).toEqual({
      message: 'Customer c1 was not found',
      path: ['customer'],
      locations: undefined,
      extensions: { code: 'NOT_FOUND', entity: 'Customer', id: 'c1' },
    });
    expect(toPublicError(...thrown(badInput('input.email', 'is not an email')), prod).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect(toPublicError(...thrown(conflict('busy')), prod).extensions).toEqual({ code: 'CONFLICT' });
  });

  it('class-validator failures become BAD_USER_INPUT naming the nested field', () => {
    const err = new ArgumentValidationError([
      { property: 'input', children: [{ property: 'email', constraints: { isEmail: 'must be an email' } }] },
    ] as never);
    const out = toPublicError(...thrown(err), prod);
    expect(out.message).toBe('input.email: must be an email');
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      fields: [{ field: 'input.email', messages: ['must be an email'] }],
    });
  });

  it('duplicate keys become CONFLICT naming the fields', () => {
    const dup = Object.assign(new Error('E11000'), { code: 11000, keyPattern: { sku: 1 } });
    expect(toPublicError(...thrown(dup), prod)).toMatchObject({
      message: 'A record with the same sku already exists',
      extensions: { code: 'CONFLICT', fields: ['sku'] },
    });
  });

  it('mongoose validation becomes BAD_USER_INPUT naming the field', () => {
    const v = Object.assign(new Error('bad'), {
      name: 'ValidationError',
      errors: { total: { message: 'negative' } },
    });
    expect(toPublicError(...thrown(v), prod)).toMatchObject({
      message: 'total: negative',
      extensions: { code: 'BAD_USER_INPUT', field: 'total' },
    });
  });

  it('a database outage is SERVICE_UNAVAILABLE naming the service, not INTERNAL_SERVER_ERROR', () => {
    for (const err of [
      new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never),
      new MongoNetworkError('connection 3 to 10.0.0.7:27017 closed'),
    ]) {
      const out = toPublicError(...thrown(err), prod);
      expect(out).toEqual({
        message: 'The sales database is unavailable; try again shortly',
        path: ['customer'],
        locations: undefined,
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'sales' },
      });
    }
  });

  it('a database restarting under a write (shutdown, not primary, transaction lost) is SERVICE_UNAVAILABLE too', () => {
    const shuttingDown = new MongoServerError({ errmsg: 'interrupted at shutdown', code: 11600 });
    const lostTxn = new MongoServerError({ errmsg: 'Transaction 3 has been aborted', code: 251 });
    const labelled = new MongoServerError({
      errmsg: 'x',
      code: 1,
      errorLabels: ['TransientTransactionError'],
    });
    for (const err of [shuttingDown, lostTxn, labelled]) {
      expect(toPublicError(...thrown(err), prod).extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        serviceName: 'sales',
      });
    }
    // A server error that is the request's fault stays what it was (here: unexpected, so internal).
    const badRequest = new MongoServerError({ errmsg: 'unknown operator: $foo', code: 2 });
    expect(toPublicError(...thrown(badRequest), prod).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('an invalid variable value gets the variable path as its field', () => {
    const message =
      'Variable "$input" got invalid value "2024-02-30" at "input.birthDate"; Value is not a valid LocalDate: 2024-02-30';
    const f = { message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(toPublicError(f, new GraphQLError(message), prod).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.birthDate',
    });
    const top = 'Variable "$d" got invalid value "x"; Expected type "DateTime".';
    expect(
      toPublicError({ message: top, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(top))
        .extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'd',
    });
  });

  it('GraphQL parse and validation errors keep their code', () => {
    const f = {
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    };
    expect(toPublicError(f, new GraphQLError(f.message), prod)).toEqual(f);
  });

  it('unexpected errors become an opaque INTERNAL_SERVER_ERROR', () => {
    expect(toPublicError(...thrown(new TypeError('x is undefined at /srv/app.js:3')), prod)).toEqual({
      message: 'Internal server error',
      path: ['customer'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('every row of the table is reached by one of the cases above', () => {
    const reached = new Set([
      publicErrorRule(...thrown(notFound('C', '1'))),
      publicErrorRule(...thrown(new ArgumentValidationError([]))),
      publicErrorRule(...thrown(Object.assign(new Error(), { code: 11000 }))),
      publicErrorRule(...thrown(Object.assign(new Error(), { name: 'ValidationError', errors: {} }))),
      publicErrorRule(...thrown(new MongoNetworkError('x'))),
      publicErrorRule(
        { message: 'Variable "$a" got invalid value 1; no', extensions: { code: 'BAD_USER_INPUT' } },
        new GraphQLError(''),
      ),
      publicErrorRule({ message: 'x', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('x')),
      publicErrorRule({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x')),
      publicErrorRule(...thrown(new Error('boom'))),
    ]);
    expect([...reached]).toEqual(ERROR_RULES.map((r) => r.name));
  });
});

describe('in production', () => {
  it('enum typos get no "Did you mean" in production', () => {
    const message =
      'Variable "$s" got invalid value "CREATED_AT_DES"; Value "CREATED_AT_DES" does not exist in "CustomerSort" enum. Did you mean the enum value "CREATED_AT_DESC"?';
    const f = { message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(toPublicError(f, new GraphQLError(message), prod).message).toBe(
      'Variable "$s" got invalid value "CREATED_AT_DES"; Value "CREATED_AT_DES" does not exist in "CustomerSort" enum.',
    );
    expect(toPublicError(f, new GraphQLError(message), { production: false }).message).toBe(message);
  });

  it('a subgraph error keeps no internal URL, body or stack trace', () => {
    const f = {
      message: '500: Internal Server Error',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        serviceName: 'support',
        response: { url: 'http://10.0.0.3:4003/graphql', status: 500, body: 'oops' },
        stacktrace: ['Error: oops', '    at /srv/x.js:1'],
        exception: { stacktrace: [] },
      },
    };
    expect(toPublicError(f, new GraphQLError(f.message), prod)).toEqual({
      message: '500: Internal Server Error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'support' },
    });
  });
});
