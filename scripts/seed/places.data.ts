/**
 * Where the demo customers live: cities with their time zone, postcode shape and landline area code,
 * street names, and mobile prefixes. Numbers built from these are valid for libphonenumber-js (the unit
 * tests check every generated phone), so E.164 normalisation and landline detection work on them.
 */

export type CountryCode = 'HU' | 'PL' | 'DE' | 'AT' | 'GB' | 'IE' | 'US' | 'CA' | 'IR';

export interface CityData {
  name: string;
  region: string;
  timeZone: string;
  /** Postcode from a [0, 1) random number. */
  postcode: (u: () => number) => string;
  /** Fixed-line area code and subscriber digits (the first subscriber digit is 2–7). */
  landline: { area: string; digits: number };
}

export interface StreetStyle {
  names: readonly string[];
  /** Street types with their written abbreviation; empty when the name carries its type. */
  types: readonly (readonly [string, string])[];
  /** Hungarian and German put the type after the name, Polish before, English in the name. */
  order: 'name-type' | 'type-name' | 'name-only';
}

export interface CountryData {
  code: CountryCode;
  callingCode: string;
  /** Mobile prefixes after the calling code, each with the subscriber digits that follow. */
  mobile: readonly { prefix: string; digits: number }[];
  /** Whether libphonenumber can tell fixed lines from mobiles (not in the North American plan). */
  distinctLandlines: boolean;
  cities: readonly CityData[];
  streets: StreetStyle;
}

const range = (from: number, to: number, width: number) => (u: () => number) =>
  String(from + Math.floor(u() * (to - from + 1))).padStart(width, '0');
const letters = 'ABDEFGHJLNPQRSTUWXYZ';
const letter = (u: () => number) => letters[Math.floor(u() * letters.length)];
const digit = (u: () => number) => String(Math.floor(u() * 10));

const HU_STREETS: StreetStyle = {
  names: [
    'Petőfi Sándor',
    'Kossuth Lajos',
    'Rákóczi',
    'Ady Endre',
    'József Attila',
    'Arany János',
    'Széchenyi',
    'Dózsa György',
    'Bajcsy-Zsilinszky',
    'Jókai Mór',
    'Deák Ferenc',
    'Béke',
    'Fő',
    'Szabadság',
    'Kölcsey Ferenc',
    'Váci',
    'Andrássy',
  ],
  types: [
    ['utca', 'u.'],
    ['út', 'út'],
    ['tér', 'tér'],
    ['körút', 'krt.'],
  ],
  order: 'name-type',
};
const DE_STREETS: StreetStyle = {
  names: [
    'Hauptstraße',
    'Bahnhofstraße',
    'Schillerstraße',
    'Goethestraße',
    'Gartenstraße',
    'Schulstraße',
    'Lindenstraße',
    'Bergstraße',
    'Kirchstraße',
    'Friedrichstraße',
    'Mühlenweg',
    'Am Markt',
    'Rosenweg',
    'Königstraße',
    'Mozartgasse',
    'Lerchenfelder Straße',
  ],
  types: [],
  order: 'name-only',
};
const EN_STREETS: StreetStyle = {
  names: [
    'High Street',
    'Station Road',
    'Church Lane',
    'Victoria Road',
    'Park Avenue',
    'Mill Lane',
    'Queen Street',
    'King Street',
    'Green Lane',
    'Manor Road',
    'Albert Road',
    'The Crescent',
    'Main Street',
    'Oak Avenue',
    'Maple Street',
    'Elm Street',
    'Washington Street',
    'Lake Shore Drive',
  ],
  types: [],
  order: 'name-only',
};

export const COUNTRIES: Readonly<Record<CountryCode, CountryData>> = {
  HU: {
    code: 'HU',
    callingCode: '36',
    mobile: [
      { prefix: '20', digits: 7 },
      { prefix: '30', digits: 7 },
      { prefix: '31', digits: 7 },
      { prefix: '70', digits: 7 },
      { prefix: '50', digits: 7 },
    ],
    distinctLandlines: true,
    cities: [
      {
        name: 'Budapest',
        region: 'Budapest',
        timeZone: 'Europe/Budapest',
        postcode: range(1011, 1239, 4),
        landline: { area: '1', digits: 7 },
      },
      {
        name: 'Debrecen',
        region: 'Hajdú-Bihar',
        timeZone: 'Europe/Budapest',
        postcode: range(4024, 4032, 4),
        landline: { area: '52', digits: 6 },
      },
      {
        name: 'Szeged',
        region: 'Csongrád-Csanád',
        timeZone: 'Europe/Budapest',
        postcode: range(6720, 6729, 4),
        landline: { area: '62', digits: 6 },
      },
      {
        name: 'Pécs',
        region: 'Baranya',
        timeZone: 'Europe/Budapest',
        postcode: range(7621, 7636, 4),
        landline: { area: '72', digits: 6 },
      },
      {
        name: 'Győr',
        region: 'Győr-Moson-Sopron',
        timeZone: 'Europe/Budapest',
        postcode: range(9021, 9030, 4),
        landline: { area: '96', digits: 6 },
      },
      {
        name: 'Miskolc',
        region: 'Borsod-Abaúj-Zemplén',
        timeZone: 'Europe/Budapest',
        postcode: range(3525, 3535, 4),
        landline: { area: '46', digits: 6 },
      },
    ],
    streets: HU_STREETS,
  },
  PL: {
    code: 'PL',
    callingCode: '48',
    mobile: ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'].map((prefix) => ({
      prefix,
      digits: 7,
    })),
    distinctLandlines: true,
    cities: [
      {
        name: 'Warszawa',
        region: 'mazowieckie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `0${digit(u)}-${range(1, 999, 3)(u)}`,
        landline: { area: '22', digits: 7 },
      },
      {
        name: 'Kraków',
        region: 'małopolskie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `3${u() < 0.5 ? 0 : 1}-${range(1, 999, 3)(u)}`,
        landline: { area: '12', digits: 7 },
      },
      {
        name: 'Gdańsk',
        region: 'pomorskie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `80-${range(1, 999, 3)(u)}`,
        landline: { area: '58', digits: 7 },
      },
      {
        name: 'Poznań',
        region: 'wielkopolskie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `6${u() < 0.5 ? 0 : 1}-${range(1, 999, 3)(u)}`,
        landline: { area: '61', digits: 7 },
      },
      {
        name: 'Wrocław',
        region: 'dolnośląskie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `5${range(0, 4, 1)(u)}-${range(1, 999, 3)(u)}`,
        landline: { area: '71', digits: 7 },
      },
      {
        name: 'Łódź',
        region: 'łódzkie',
        timeZone: 'Europe/Warsaw',
        postcode: (u) => `9${range(0, 4, 1)(u)}-${range(1, 999, 3)(u)}`,
        landline: { area: '42', digits: 7 },
      },
    ],
    streets: {
      names: [
        'Marszałkowska',
        'Długa',
        'Mickiewicza',
        'Słowackiego',
        'Kościuszki',
        'Piłsudskiego',
        'Jerozolimskie',
        'Świętokrzyska',
        'Żeromskiego',
        'Kopernika',
        'Sienkiewicza',
        'Wojska Polskiego',
        'Polna',
        'Leśna',
        'Ogrodowa',
        'Łąkowa',
      ],
      types: [
        ['ulica', 'ul.'],
        ['aleja', 'al.'],
      ],
      order: 'type-name',
    },
  },
  DE: {
    code: 'DE',
    callingCode: '49',
    mobile: [
      { prefix: '151', digits: 8 },
      { prefix: '152', digits: 8 },
      { prefix: '157', digits: 8 },
      { prefix: '160', digits: 7 },
      { prefix: '170', digits: 7 },
      { prefix: '171', digits: 7 },
      { prefix: '175', digits: 7 },
      { prefix: '176', digits: 8 },
      { prefix: '179', digits: 7 },
    ],
    distinctLandlines: true,
    cities: [
      {
        name: 'Berlin',
        region: 'Berlin',
        timeZone: 'Europe/Berlin',
        postcode: range(10115, 14199, 5),
        landline: { area: '30', digits: 8 },
      },
      {
        name: 'Hamburg',
        region: 'Hamburg',
        timeZone: 'Europe/Berlin',
        postcode: range(20095, 22769, 5),
        landline: { area: '40', digits: 8 },
      },
      {
        name: 'München',
        region: 'Bayern',
        timeZone: 'Europe/Berlin',
        postcode: range(80331, 81929, 5),
        landline: { area: '89', digits: 8 },
      },
      {
        name: 'Köln',
        region: 'Nordrhein-Westfalen',
        timeZone: 'Europe/Berlin',
        postcode: range(50667, 51149, 5),
        landline: { area: '221', digits: 7 },
      },
      {
        name: 'Frankfurt am Main',
        region: 'Hessen',
        timeZone: 'Europe/Berlin',
        postcode: range(60306, 60599, 5),
        landline: { area: '69', digits: 8 },
      },
      {
        name: 'Stuttgart',
        region: 'Baden-Württemberg',
        timeZone: 'Europe/Berlin',
        postcode: range(70173, 70629, 5),
        landline: { area: '711', digits: 7 },
      },
    ],
    streets: DE_STREETS,
  },
  AT: {
    code: 'AT',
    callingCode: '43',
    mobile: [
      { prefix: '664', digits: 7 },
      { prefix: '676', digits: 7 },
      { prefix: '650', digits: 7 },
      { prefix: '699', digits: 8 },
    ],
    distinctLandlines: true,
    cities: [
      {
        name: 'Wien',
        region: 'Wien',
        timeZone: 'Europe/Vienna',
        postcode: (u) => `1${range(1, 23, 2)(u)}0`,
        landline: { area: '1', digits: 7 },
      },
      {
        name: 'Graz',
        region: 'Steiermark',
        timeZone: 'Europe/Vienna',
        postcode: range(8010, 8063, 4),
        landline: { area: '316', digits: 6 },
      },
      {
        name: 'Linz',
        region: 'Oberösterreich',
        timeZone: 'Europe/Vienna',
        postcode: range(4020, 4040, 4),
        landline: { area: '732', digits: 6 },
      },
      {
        name: 'Salzburg',
        region: 'Salzburg',
        timeZone: 'Europe/Vienna',
        postcode: range(5020, 5026, 4),
        landline: { area: '662', digits: 6 },
      },
    ],
    streets: DE_STREETS,
  },
  GB: {
    code: 'GB',
    callingCode: '44',
    mobile: ['74', '75', '77', '78', '79'].map((prefix) => ({ prefix, digits: 8 })),
    distinctLandlines: true,
    cities: [
      {
        name: 'London',
        region: 'Greater London',
        timeZone: 'Europe/London',
        postcode: (u) =>
          `${['E', 'N', 'SE', 'SW', 'NW', 'W'][Math.floor(u() * 6)]}${1 + Math.floor(u() * 19)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '20', digits: 8 },
      },
      {
        name: 'Manchester',
        region: 'Greater Manchester',
        timeZone: 'Europe/London',
        postcode: (u) => `M${1 + Math.floor(u() * 40)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '161', digits: 7 },
      },
      {
        name: 'Birmingham',
        region: 'West Midlands',
        timeZone: 'Europe/London',
        postcode: (u) => `B${1 + Math.floor(u() * 45)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '121', digits: 7 },
      },
      {
        name: 'Leeds',
        region: 'West Yorkshire',
        timeZone: 'Europe/London',
        postcode: (u) => `LS${1 + Math.floor(u() * 29)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '113', digits: 7 },
      },
      {
        name: 'Bristol',
        region: 'Bristol',
        timeZone: 'Europe/London',
        postcode: (u) => `BS${1 + Math.floor(u() * 16)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '117', digits: 7 },
      },
      {
        name: 'Edinburgh',
        region: 'Scotland',
        timeZone: 'Europe/London',
        postcode: (u) => `EH${1 + Math.floor(u() * 17)} ${digit(u)}${letter(u)}${letter(u)}`,
        landline: { area: '131', digits: 7 },
      },
    ],
    streets: EN_STREETS,
  },
  IE: {
    code: 'IE',
    callingCode: '353',
    mobile: ['83', '85', '86', '87', '89'].map((prefix) => ({ prefix, digits: 7 })),
    distinctLandlines: true,
    cities: [
      {
        name: 'Dublin',
        region: 'County Dublin',
        timeZone: 'Europe/Dublin',
        postcode: (u) => `D${range(1, 24, 2)(u)} ${letter(u)}${digit(u)}${digit(u)}${letter(u)}`,
        landline: { area: '1', digits: 7 },
      },
      {
        name: 'Cork',
        region: 'County Cork',
        timeZone: 'Europe/Dublin',
        postcode: (u) => `T12 ${letter(u)}${digit(u)}${digit(u)}${letter(u)}`,
        landline: { area: '21', digits: 7 },
      },
    ],
    streets: EN_STREETS,
  },
  US: {
    code: 'US',
    callingCode: '1',
    mobile: ['212', '646', '312', '773', '213', '310', '206', '713'].map((prefix) => ({ prefix, digits: 7 })),
    distinctLandlines: false,
    cities: [
      {
        name: 'New York',
        region: 'NY',
        timeZone: 'America/New_York',
        postcode: range(10001, 10282, 5),
        landline: { area: '212', digits: 7 },
      },
      {
        name: 'Chicago',
        region: 'IL',
        timeZone: 'America/Chicago',
        postcode: range(60601, 60661, 5),
        landline: { area: '312', digits: 7 },
      },
      {
        name: 'Los Angeles',
        region: 'CA',
        timeZone: 'America/Los_Angeles',
        postcode: range(90001, 90089, 5),
        landline: { area: '213', digits: 7 },
      },
      {
        name: 'Seattle',
        region: 'WA',
        timeZone: 'America/Los_Angeles',
        postcode: range(98101, 98199, 5),
        landline: { area: '206', digits: 7 },
      },
      {
        name: 'Houston',
        region: 'TX',
        timeZone: 'America/Chicago',
        postcode: range(77001, 77099, 5),
        landline: { area: '713', digits: 7 },
      },
    ],
    streets: EN_STREETS,
  },
  CA: {
    code: 'CA',
    callingCode: '1',
    mobile: ['416', '647', '604'].map((prefix) => ({ prefix, digits: 7 })),
    distinctLandlines: false,
    cities: [
      {
        name: 'Toronto',
        region: 'ON',
        timeZone: 'America/Toronto',
        postcode: (u) => `M${digit(u)}${letter(u)} ${digit(u)}${letter(u)}${digit(u)}`,
        landline: { area: '416', digits: 7 },
      },
      {
        name: 'Vancouver',
        region: 'BC',
        timeZone: 'America/Vancouver',
        postcode: (u) => `V${digit(u)}${letter(u)} ${digit(u)}${letter(u)}${digit(u)}`,
        landline: { area: '604', digits: 7 },
      },
    ],
    streets: EN_STREETS,
  },
  IR: {
    code: 'IR',
    callingCode: '98',
    mobile: ['912', '913', '919', '935', '936', '901', '990'].map((prefix) => ({ prefix, digits: 7 })),
    distinctLandlines: true,
    cities: [
      {
        name: 'Tehran',
        region: 'Tehran',
        timeZone: 'Asia/Tehran',
        postcode: (u) => `1${range(0, 999999999, 9)(u)}`,
        landline: { area: '21', digits: 8 },
      },
      {
        name: 'Isfahan',
        region: 'Isfahan',
        timeZone: 'Asia/Tehran',
        postcode: (u) => `81${range(0, 99999999, 8)(u)}`,
        landline: { area: '31', digits: 8 },
      },
      {
        name: 'Shiraz',
        region: 'Fars',
        timeZone: 'Asia/Tehran',
        postcode: (u) => `71${range(0, 99999999, 8)(u)}`,
        landline: { area: '71', digits: 8 },
      },
      {
        name: 'Mashhad',
        region: 'Razavi Khorasan',
        timeZone: 'Asia/Tehran',
        postcode: (u) => `91${range(0, 99999999, 8)(u)}`,
        landline: { area: '51', digits: 8 },
      },
      {
        name: 'Tabriz',
        region: 'East Azerbaijan',
        timeZone: 'Asia/Tehran',
        postcode: (u) => `51${range(0, 99999999, 8)(u)}`,
        landline: { area: '41', digits: 8 },
      },
    ],
    streets: {
      names: [
        'Valiasr Street',
        'Enghelab Street',
        'Azadi Street',
        'Shariati Street',
        'Ferdowsi Street',
        'Hafez Street',
        'Saadi Street',
        'Keshavarz Boulevard',
        'Motahari Street',
        'Pasdaran Street',
      ],
      types: [],
      order: 'name-only',
    },
  },
};

/** Where each market's customers live (Persian speakers partly abroad, as the diaspora is). */
export const RESIDENCE: Readonly<
  Record<'hu' | 'pl' | 'de' | 'en' | 'fa', Partial<Record<CountryCode, number>>>
> = {
  hu: { HU: 0.93, AT: 0.04, DE: 0.03 },
  pl: { PL: 0.9, GB: 0.05, DE: 0.05 },
  de: { DE: 0.78, AT: 0.22 },
  en: { GB: 0.55, US: 0.3, IE: 0.1, CA: 0.05 },
  fa: { IR: 0.5, DE: 0.18, GB: 0.1, US: 0.14, CA: 0.08 },
};

/** BCP 47 language tag of a market living in a country. */
export function languageTag(locale: 'hu' | 'pl' | 'de' | 'en' | 'fa', country: CountryCode): string {
  if (locale === 'en') return `en-${country}`;
  if (locale === 'de') return `de-${country}`;
  return { hu: 'hu-HU', pl: 'pl-PL', fa: 'fa-IR' }[locale];
}

export const EMAIL_DOMAINS: Readonly<Record<CountryCode, readonly string[]>> = {
  HU: ['gmail.com', 'freemail.hu', 'citromail.hu', 't-online.hu', 'yahoo.com', 'outlook.hu'],
  PL: ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl', 'op.pl'],
  DE: ['gmail.com', 'gmx.de', 'web.de', 't-online.de', 'outlook.de', 'posteo.de'],
  AT: ['gmail.com', 'gmx.at', 'aon.at', 'outlook.com'],
  GB: ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'icloud.com', 'btinternet.com'],
  IE: ['gmail.com', 'outlook.com', 'eircom.net', 'icloud.com'],
  US: ['gmail.com', 'yahoo.com', 'icloud.com', 'outlook.com', 'aol.com'],
  CA: ['gmail.com', 'outlook.com', 'rogers.com', 'icloud.com'],
  IR: ['gmail.com', 'yahoo.com', 'chmail.ir', 'outlook.com'],
};

/** Employers' domains for the work addresses some duplicate profiles were created with. */
export const WORK_DOMAINS: readonly string[] = [
  'example-corp.com',
  'acme-logistics.eu',
  'northwind.example',
  'contoso.example',
];
