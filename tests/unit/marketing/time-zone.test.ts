import { canonicalTimeZone, localHour, utcOffsetMinutes } from '../../../shared/time/time-zone';

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
