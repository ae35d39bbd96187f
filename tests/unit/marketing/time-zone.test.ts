import {
  canonicalTimeZone,
  localHour,
  offsetPeriods,
  utcOffsetMinutes,
} from '../../../shared/time/time-zone';

describe('canonicalTimeZone', () => {
  it('accepts IANA names in any case and returns the canonical spelling', () => {
    expect(canonicalTimeZone('europe/budapest')).toBe('Europe/Budapest');
    // Three-part names are valid too (Intl may answer with the zone's canonical alias).
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toMatch(/Buenos_Aires$/);
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses unknown zones and bare offsets', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('utcOffsetMinutes / localHour', () => {
  it('follows daylight saving time', () => {
    expect(utcOffsetMinutes('Europe/Budapest', new Date('2024-01-15T12:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/Budapest', new Date('2024-07-15T12:00:00Z'))).toBe(120);
    expect(localHour('Europe/Budapest', new Date('2024-07-15T22:30:00Z'))).toBe(0);
    expect(localHour('Asia/Kolkata', new Date('2024-07-15T22:30:00Z'))).toBe(4);
    expect(localHour('America/New_York', new Date('2024-01-15T03:00:00Z'))).toBe(22);
  });
});

describe('offsetPeriods', () => {
  it('finds both 2024 EU transitions to the minute', () => {
    const periods = offsetPeriods(
      'Europe/Budapest',
      new Date('2024-01-01T00:00:00Z'),
      new Date('2024-12-31T00:00:00Z'),
    );
    expect(periods.map((p) => [p.from.toISOString(), p.offsetMinutes])).toEqual([
      ['2024-01-01T00:00:00.000Z', 60],
      ['2024-03-31T01:00:00.000Z', 120],
      ['2024-10-27T01:00:00.000Z', 60],
    ]);
  });

  it('has one period for zones without DST and handles half-hour DST (Lord Howe)', () => {
    expect(offsetPeriods('Asia/Kolkata', new Date('2020-01-01Z'), new Date('2024-01-01Z'))).toHaveLength(1);
    const lordHowe = offsetPeriods('Australia/Lord_Howe', new Date('2024-01-01Z'), new Date('2024-12-31Z'));
    expect(lordHowe.map((p) => p.offsetMinutes)).toEqual([660, 630, 660]);
  });
});
