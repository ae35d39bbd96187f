import {
  applyMask,
  maskAddress,
  maskBirthDate,
  maskEmail,
  maskHandle,
  maskIdentifier,
  maskName,
  maskPhone,
  maskText,
} from '../../../shared/auth/masking';

describe('masks', () => {
  it.each([
    ['eva.kovacs@example.com', 'e•••@example.com'],
    ['Ágota@példa.hu', 'Á•••@példa.hu'],
    ['@example.com', '•••'],
    ['not-an-email', '•••'],
  ])('email %s → %s', (input, out) => expect(maskEmail(input)).toBe(out));

  it.each([
    ['+36301235959', '+36 •• ••• 5959'],
    ['+447911123456', '+44 •••• ••3456'],
    ['+12025550123', '+1 ••• ••• 0123'],
    ['06 30 123 5959', '•••5959'],
    ['123', '•••'],
  ])('phone %s → %s', (input, out) => expect(maskPhone(input)).toBe(out));

  it.each([
    ['Anna', 'A.'],
    ['Kovács  Ágnes', 'K. Á.'],
    ['  ', '•••'],
  ])('name %s → %s', (input, out) => expect(maskName(input)).toBe(out));

  it('keeps the year of a birth date, the city of an address, the tail of long ids', () => {
    expect(maskBirthDate('1985-03-14')).toBe('1985');
    expect(maskBirthDate('14/03/1985')).toBe('•••');
    expect(
      maskAddress({
        street: 'Fő utca',
        houseNumber: '12',
        city: 'Szeged',
        postcode: '6720',
        region: 'Csongrád',
        country: 'HU',
      }),
    ).toEqual({
      street: null,
      houseNumber: null,
      city: 'Szeged',
      postcode: null,
      region: null,
      country: 'HU',
    });
    expect(maskIdentifier('LOY-0000123456')).toBe('•••3456');
    expect(maskIdentifier('short')).toBe('•••');
    expect(maskHandle('anna_k')).toBe('a•••');
    expect(maskText('I was charged twice')).toBe('•••');
    expect(maskText('')).toBe('');
  });

  it('applies per element, keeps null, and withholds values of an unexpected type', () => {
    expect(applyMask('email', ['a@x.io', null])).toEqual(['a•••@x.io', null]);
    expect(applyMask('email', null)).toBeNull();
    expect(applyMask('phone', 36301235959)).toBeNull();
    expect(applyMask('withhold', '1985-03-14')).toBeNull();
    expect(applyMask('address', { city: 'Pécs', street: 'Király u.' })).toEqual({
      city: 'Pécs',
      street: null,
      houseNumber: null,
      postcode: null,
      region: null,
    });
  });
});
