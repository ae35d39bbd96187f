import {
  foldName,
  formatDisplayName,
  nameSortKey,
  searchPrefixes,
  searchTokens,
} from '../../../subgraphs/marketing/src/customer/customer-name';

describe('foldName', () => {
  it('drops Hungarian and Polish diacritics, including letters that do not decompose', () => {
    expect(foldName('Kovács Péter')).toBe('kovacs peter');
    expect(foldName('Őrsi Ünige')).toBe('orsi unige');
    expect(foldName('Łukasz Żółć')).toBe('lukasz zolc');
  });

  it('unifies Arabic and Persian letter forms and drops harakat', () => {
    expect(foldName('علي')).toBe(foldName('علی'));
    expect(foldName('كريم')).toBe(foldName('کریم'));
    expect(foldName('مُحَمَّد')).toBe('محمد');
  });
});

describe('formatDisplayName', () => {
  it('puts the family name first for Hungarian, given name first otherwise', () => {
    expect(formatDisplayName('Péter', 'Kovács', 'hu-HU')).toBe('Kovács Péter');
    expect(formatDisplayName('Anna', 'Nowak', 'pl')).toBe('Anna Nowak');
    expect(formatDisplayName('Anna', null, 'hu')).toBe('Anna');
    expect(formatDisplayName(null, undefined, 'en')).toBeNull();
  });
});

describe('nameSortKey', () => {
  it('orders accent-insensitively by family then given name, nameless profiles last', () => {
    const people: Array<[string | null, string | null]> = [
      ['Zoltán', 'Ábel'],
      ['Anna', null],
      ['Béla', 'Abel'],
      ['Ádám', 'Zsigmond'],
    ];
    const sorted = [...people].sort((a, b) => (nameSortKey(a[0], a[1]) < nameSortKey(b[0], b[1]) ? -1 : 1));
    expect(sorted.map((p) => p[0])).toEqual(['Béla', 'Zoltán', 'Ádám', 'Anna']);
  });
});

describe('search tokens and prefixes', () => {
  it('finds Kovács by "kov", by an email prefix and by a second word', () => {
    const tokens = searchTokens(['Péter', 'Kovács-Nagy'], ['peter@example.com']);
    expect(tokens).toEqual(expect.arrayContaining(['peter', 'kovacs', 'nagy', 'peter@example.com']));
    for (const p of searchPrefixes('KOV')) expect(tokens.some((t) => t.startsWith(p))).toBe(true);
    expect(searchPrefixes('Nagy Pé')).toEqual(['nagy', 'pe']);
  });
});
