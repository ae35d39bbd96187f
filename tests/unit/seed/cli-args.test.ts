import { AppError, ErrorCode } from '../../../shared/errors';
import { parseSeedArgs } from '../../../scripts/seed/cli-args';
import { checkSeedOptions } from '../../../scripts/seed/seed-demo-data';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('npm run seed arguments', () => {
  it('has defaults and reads both --flag value and --flag=value', () => {
    expect(parseSeedArgs([])).toEqual({
      customers: 5000,
      seed: 42,
      drop: false,
      ifEmpty: false,
      prepare: false,
      help: false,
    });
    expect(
      parseSeedArgs([
        '--customers',
        '300',
        '--seed=7',
        '--drop',
        '--as-of',
        '2026-11-01',
        '--db-path=/tmp/x',
      ]),
    ).toEqual({
      customers: 300,
      seed: 7,
      drop: true,
      ifEmpty: false,
      prepare: false,
      asOf: new Date('2026-11-01T00:00:00Z'),
      dbPath: '/tmp/x',
      help: false,
    });
    expect(parseSeedArgs(['--if-empty', '--prepare'])).toMatchObject({
      drop: false,
      ifEmpty: true,
      prepare: true,
    });
    expect(parseSeedArgs(['--as-of', '2026-11-01T12:30:00Z']).asOf).toEqual(new Date('2026-11-01T12:30:00Z'));
  });

  it('names the bad argument with BAD_USER_INPUT', () => {
    for (const [argv, field] of [
      [['--customers', 'many'], '--customers'],
      [['--seed'], '--seed'],
      [['--as-of', 'yesterday'], '--as-of'],
      [['--colour', 'red'], '--colour'],
      [['--drop', '--if-empty'], '--if-empty'],
    ] as const) {
      const err = errorOf(() => parseSeedArgs(argv));
      expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(err.details.field).toBe(field);
    }
  });
});

describe('seedDemoData options', () => {
  it('rejects out-of-range options naming the field', () => {
    const base = { customers: 10, seed: 1 };
    expect(errorOf(() => checkSeedOptions({ ...base, customers: 0 })).details.field).toBe('customers');
    expect(errorOf(() => checkSeedOptions({ ...base, customers: 1.5 })).details.field).toBe('customers');
    expect(errorOf(() => checkSeedOptions({ ...base, seed: 2 ** 31 })).details.field).toBe('seed');
    expect(errorOf(() => checkSeedOptions({ ...base, asOf: new Date('x') })).details.field).toBe('asOf');
    expect(errorOf(() => checkSeedOptions({ ...base, duplicateRate: 0.9 })).details.field).toBe(
      'duplicateRate',
    );
    expect(() => checkSeedOptions({ ...base, asOf: new Date() })).not.toThrow();
  });
});
