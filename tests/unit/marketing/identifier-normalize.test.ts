import {
  normalizeEmail as engineEmail,
  normalizePhone as engineRead,
} from '../../../subgraphs/marketing/src/identity/normalize';
import { IdentifierKind, SocialNetwork } from '../../../subgraphs/marketing/src/customer/customer.enums';
import {
  normalizeEmail,
  normalizeIdentifierValue,
  normalizePhone,
  parseSocialIdentifier,
} from '../../../subgraphs/marketing/src/customer/identifier.normalize';

describe('normalizeEmail', () => {
  it('trims and lower-cases so the same address typed twice gives one key', () => {
    expect(normalizeEmail('  Peter.Kovacs@Example.COM ')).toEqual({
      ok: true,
      value: 'peter.kovacs@example.com',
    });
  });

  it('refuses what is not an address', () => {
    expect(normalizeEmail('peter@')).toMatchObject({ ok: false });
    expect(normalizeEmail('not an email')).toMatchObject({ ok: false });
  });
});

describe('normalizePhone', () => {
  it('reads a national number in the given region and stores E.164', () => {
    expect(normalizePhone('06 30 123 4567', 'HU')).toEqual({ ok: true, value: '+36301234567' });
    expect(normalizePhone('0612 345 678', 'PL')).toMatchObject({ ok: false });
    expect(normalizePhone('612 345 678', 'PL')).toEqual({ ok: true, value: '+48612345678' });
  });

  it('gives every written form of one international number the same key', () => {
    const forms = ['+36 30 123 4567', '+36-30-123-4567', '(+36) 30 1234567', '+36301234567'];
    expect(new Set(forms.map((f) => JSON.stringify(normalizePhone(f))))).toEqual(
      new Set([JSON.stringify({ ok: true, value: '+36301234567' })]),
    );
  });

  it('refuses a national number without a region, and invalid numbers', () => {
    expect(normalizePhone('06 30 123 4567')).toMatchObject({ ok: false });
    expect(normalizePhone('+36 12')).toMatchObject({ ok: false });
    expect(normalizePhone('hello')).toMatchObject({ ok: false });
  });
});

describe('normalizeIdentifierValue', () => {
  it('ignores spaces, dashes and case on loyalty cards', () => {
    expect(normalizeIdentifierValue(IdentifierKind.LOYALTY_CARD, ' ab-12 34 5678 ')).toEqual({
      ok: true,
      value: 'AB12345678',
    });
  });

  it('lower-cases device ids but keeps external and cookie ids exact', () => {
    expect(normalizeIdentifierValue(IdentifierKind.DEVICE_ID, 'AB12-CD')).toEqual({
      ok: true,
      value: 'ab12-cd',
    });
    expect(normalizeIdentifierValue(IdentifierKind.EXTERNAL_ID, ' Shop-AbC ')).toEqual({
      ok: true,
      value: 'Shop-AbC',
    });
    expect(normalizeIdentifierValue(IdentifierKind.COOKIE_ID, 'GA1.2.Xy')).toEqual({
      ok: true,
      value: 'GA1.2.Xy',
    });
  });

  it('refuses ids with inner spaces or of the wrong length', () => {
    expect(normalizeIdentifierValue(IdentifierKind.EXTERNAL_ID, 'a b')).toMatchObject({ ok: false });
    expect(normalizeIdentifierValue(IdentifierKind.LOYALTY_CARD, '12')).toMatchObject({ ok: false });
    expect(normalizeIdentifierValue(IdentifierKind.DEVICE_ID, 'x'.repeat(129))).toMatchObject({ ok: false });
  });

  it('normalizes phones with the default region and social handles to network:handle', () => {
    expect(normalizeIdentifierValue(IdentifierKind.PHONE, '06301234567', 'HU')).toEqual({
      ok: true,
      value: '+36301234567',
    });
    expect(normalizeIdentifierValue(IdentifierKind.SOCIAL_HANDLE, 'Instagram:@Kovacs.Peter')).toEqual({
      ok: true,
      value: 'INSTAGRAM:kovacs.peter',
    });
  });
});

describe('parseSocialIdentifier', () => {
  it('accepts common aliases of networks', () => {
    expect(parseSocialIdentifier('twitter:@Jane')).toEqual({ network: SocialNetwork.X, handle: 'jane' });
    expect(parseSocialIdentifier('ig:jane_doe')).toEqual({
      network: SocialNetwork.INSTAGRAM,
      handle: 'jane_doe',
    });
  });

  it('explains what is wrong', () => {
    expect(parseSocialIdentifier('jane')).toEqual({ reason: expect.stringContaining('network:handle') });
    expect(parseSocialIdentifier('myspace:jane')).toEqual({
      reason: expect.stringContaining('unknown network'),
    });
  });
});

describe('one normaliser per identifier kind', () => {
  it('stored email keys are the matching engine’s keys', () => {
    for (const [raw, key] of [
      [' <Ada.Lovelace@Example.COM> ', 'ada.lovelace@example.com'],
      ['mailto:grace@example.com', 'grace@example.com'],
    ]) {
      expect(normalizeEmail(raw)).toEqual({ ok: true, value: key });
      expect(engineEmail(raw)).toBe(key);
    }
  });

  it('stored phone keys are the matching engine’s E.164, national formats read in the given region', () => {
    expect(normalizePhone('07498 614280', 'gb')).toEqual({ ok: true, value: '+447498614280' });
    expect(engineRead('07498 614280', 'GB')?.e164).toBe('+447498614280');
    expect(normalizePhone('06 50 643 5959', 'HU')).toEqual({ ok: true, value: '+36506435959' });
    // Without a region only international numbers are read.
    expect(normalizePhone('07498 614280')).toEqual({ ok: false, reason: 'is not a phone number' });
  });
});
