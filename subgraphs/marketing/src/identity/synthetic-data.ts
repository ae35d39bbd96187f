/**
 * Reference data for the synthetic people generator: places, streets, phone plans, email providers and
 * Persian romanisations. Fictitious combinations of real place and street names.
 */

/** Markets the generator produces people for: Hungary, Poland, Iran (Persian), the UK. */
export type Locale = 'hu' | 'pl' | 'fa' | 'en';

export interface CityData {
  name: string;
  /** Postcode from two random integers (the generator supplies them). */
  postcode: (r: () => number) => string;
  /** Landline prefix in national format (trunk prefix included) and subscriber digits. */
  landline: { prefix: string; digits: number };
}

const digits = (r: () => number, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
};
const between = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

export const CITIES: Record<Locale, CityData[]> = {
  hu: [
    { name: 'Budapest', postcode: (r) => `1${String(between(r, 1, 23)).padStart(2, '0')}${between(r, 1, 9)}`, landline: { prefix: '06 1', digits: 7 } },
    { name: 'Debrecen', postcode: (r) => String(between(r, 4024, 4034)), landline: { prefix: '06 52', digits: 6 } },
    { name: 'Szeged', postcode: (r) => String(between(r, 6720, 6729)), landline: { prefix: '06 62', digits: 6 } },
    { name: 'Miskolc', postcode: (r) => String(between(r, 3525, 3535)), landline: { prefix: '06 46', digits: 6 } },
    { name: 'Pécs', postcode: (r) => String(between(r, 7621, 7636)), landline: { prefix: '06 72', digits: 6 } },
    { name: 'Győr', postcode: (r) => String(between(r, 9021, 9030)), landline: { prefix: '06 96', digits: 6 } },
    { name: 'Kecskemét', postcode: (r) => String(between(r, 6000, 6008)), landline: { prefix: '06 76', digits: 6 } },
    { name: 'Székesfehérvár', postcode: (r) => String(between(r, 8000, 8008)), landline: { prefix: '06 22', digits: 6 } },
  ],
  pl: [
    { name: 'Warszawa', postcode: (r) => `0${between(r, 0, 4)}-${digits(r, 3)}`, landline: { prefix: '22', digits: 7 } },
    { name: 'Kraków', postcode: (r) => `3${between(r, 0, 1)}-${digits(r, 3)}`, landline: { prefix: '12', digits: 7 } },
    { name: 'Łódź', postcode: (r) => `9${between(r, 0, 4)}-${digits(r, 3)}`, landline: { prefix: '42', digits: 7 } },
    { name: 'Wrocław', postcode: (r) => `5${between(r, 0, 4)}-${digits(r, 3)}`, landline: { prefix: '71', digits: 7 } },
    { name: 'Poznań', postcode: (r) => `6${between(r, 0, 1)}-${digits(r, 3)}`, landline: { prefix: '61', digits: 7 } },
    { name: 'Gdańsk', postcode: (r) => `80-${digits(r, 3)}`, landline: { prefix: '58', digits: 7 } },
    { name: 'Lublin', postcode: (r) => `20-${digits(r, 3)}`, landline: { prefix: '81', digits: 7 } },
  ],
  fa: [
    { name: 'تهران', postcode: (r) => `1${digits(r, 4)}-${digits(r, 5)}`, landline: { prefix: '021', digits: 8 } },
    { name: 'مشهد', postcode: (r) => `9${digits(r, 4)}-${digits(r, 5)}`, landline: { prefix: '051', digits: 8 } },
    { name: 'اصفهان', postcode: (r) => `8${digits(r, 4)}-${digits(r, 5)}`, landline: { prefix: '031', digits: 8 } },
    { name: 'شیراز', postcode: (r) => `7${digits(r, 4)}-${digits(r, 5)}`, landline: { prefix: '071', digits: 8 } },
    { name: 'تبریز', postcode: (r) => `5${digits(r, 4)}-${digits(r, 5)}`, landline: { prefix: '041', digits: 8 } },
  ],
  en: [
    {
      name: 'London',
      postcode: (r) =>
        `${['SW', 'SE', 'N', 'E', 'W', 'NW'][between(r, 0, 5)]}${between(r, 1, 20)} ${between(r, 1, 9)}${'ABDEFGHJLNPQRSTUWXYZ'[between(r, 0, 19)]}${'ABDEFGHJLNPQRSTUWXYZ'[between(r, 0, 19)]}`,
      landline: { prefix: '020 7', digits: 7 },
    },
    { name: 'Manchester', postcode: (r) => `M${between(r, 1, 40)} ${between(r, 1, 9)}${'ABDEFGHJLN'[between(r, 0, 9)]}${'PQRSTUWXYZ'[between(r, 0, 9)]}`, landline: { prefix: '0161 4', digits: 6 } },
    { name: 'Birmingham', postcode: (r) => `B${between(r, 1, 99)} ${between(r, 1, 9)}${'ABDEFGHJLN'[between(r, 0, 9)]}${'PQRSTUWXYZ'[between(r, 0, 9)]}`, landline: { prefix: '0121 4', digits: 6 } },
    { name: 'Leeds', postcode: (r) => `LS${between(r, 1, 29)} ${between(r, 1, 9)}${'ABDEFGHJLN'[between(r, 0, 9)]}${'PQRSTUWXYZ'[between(r, 0, 9)]}`, landline: { prefix: '0113 4', digits: 6 } },
    { name: 'Bristol', postcode: (r) => `BS${between(r, 1, 41)} ${between(r, 1, 9)}${'ABDEFGHJLN'[between(r, 0, 9)]}${'PQRSTUWXYZ'[between(r, 0, 9)]}`, landline: { prefix: '0117 4', digits: 6 } },
  ],
};

/** Street names with their type word, and the abbreviation people also write. */
export const STREETS: Record<Locale, { names: string[]; types: [full: string, abbreviation: string][]; typeFirst: boolean }> = {
  hu: {
    names: [
      'Fő', 'Kossuth Lajos', 'Petőfi Sándor', 'Rákóczi', 'Dózsa György', 'Ady Endre', 'Béke', 'Szabadság',
      'Arany János', 'Jókai Mór', 'Bajcsy-Zsilinszky', 'Váci', 'Andrássy', 'Széchenyi', 'Táncsics Mihály',
      'Bartók Béla', 'Hunyadi', 'Deák Ferenc', 'Kölcsey', 'Vörösmarty', 'Rózsa', 'Tavasz', 'Liliom', 'Határ',
    ],
    types: [['utca', 'u.'], ['utca', 'u.'], ['utca', 'u.'], ['út', 'út'], ['tér', 'tr.'], ['körút', 'krt.']],
    typeFirst: false,
  },
  pl: {
    names: [
      'Długa', 'Marszałkowska', 'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Sienkiewicza', 'Piłsudskiego',
      'Polna', 'Leśna', 'Ogrodowa', 'Lipowa', 'Kwiatowa', 'Szkolna', 'Krótka', 'Żeromskiego', 'Wojska Polskiego',
      'Kolejowa', 'Zielona', 'Łąkowa', 'Źródlana', 'Ściegiennego', 'Wiśniowa',
    ],
    types: [['ulica', 'ul.'], ['ulica', 'ul.'], ['ulica', 'ul.'], ['ulica', 'ul.'], ['aleja', 'al.'], ['plac', 'pl.']],
    typeFirst: true,
  },
  fa: {
    names: [
      'ولیعصر', 'انقلاب', 'آزادی', 'شریعتی', 'فردوسی', 'حافظ', 'سعدی', 'مطهری', 'طالقانی', 'کارگر', 'کشاورز',
      'پاسداران', 'ستارخان', 'جمهوری', 'نیاوران', 'دماوند', 'بهشتی', 'مولوی',
    ],
    types: [['خیابان', 'خ.'], ['خیابان', 'خ.'], ['خیابان', 'خ.'], ['بلوار', 'بلوار'], ['کوچه', 'ک.']],
    typeFirst: true,
  },
  en: {
    names: [
      'High', 'Station', 'Church', 'Park', 'Victoria', 'Green', 'Manor', 'Queens', 'New', 'Grange', 'Kings',
      'Mill', 'Main', 'Albert', 'Chester', 'Windsor', 'York', 'London', 'North', 'Springfield', 'Oak', 'Elm',
    ],
    types: [['Street', 'St'], ['Road', 'Rd'], ['Road', 'Rd'], ['Lane', 'Ln'], ['Avenue', 'Ave'], ['Close', 'Close']],
    typeFirst: false,
  },
};

/** Mobile prefixes in national format (trunk prefix included) and subscriber digits. */
export const MOBILES: Record<Locale, { prefixes: string[]; digits: number; country: string; callingCode: string; trunk: string }> = {
  hu: { prefixes: ['06 20', '06 30', '06 70'], digits: 7, country: 'HU', callingCode: '36', trunk: '06' },
  pl: {
    prefixes: ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'],
    digits: 7,
    country: 'PL',
    callingCode: '48',
    trunk: '',
  },
  fa: {
    prefixes: ['0912', '0913', '0914', '0915', '0917', '0919', '0935', '0936', '0937', '0938', '0939', '0901', '0902'],
    digits: 7,
    country: 'IR',
    callingCode: '98',
    trunk: '0',
  },
  en: { prefixes: ['07700', '07711', '07723', '07734', '07745', '07756', '07801', '07812', '07923', '07934'], digits: 6, country: 'GB', callingCode: '44', trunk: '0' },
};

export const EMAIL_DOMAINS: Record<Locale, string[]> = {
  hu: ['gmail.com', 'gmail.com', 'freemail.hu', 'citromail.hu', 't-online.hu', 'outlook.com'],
  pl: ['gmail.com', 'gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'],
  fa: ['gmail.com', 'gmail.com', 'yahoo.com', 'chmail.ir', 'outlook.com'],
  en: ['gmail.com', 'gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com'],
};

export const WORK_DOMAINS: Record<Locale, string[]> = {
  hu: ['otpbank.hu', 'telekom.hu', 'mol.hu', 'company.hu'],
  pl: ['pkobp.pl', 'orlen.pl', 'allegro.pl', 'firma.pl'],
  fa: ['irancell.ir', 'snapp.ir', 'digikala.com', 'sherkat.ir'],
  en: ['bt.com', 'tesco.co.uk', 'nhs.net', 'company.co.uk'],
};

/** Common romanisations of the Persian names the generator uses; the first is the most usual. */
export const PERSIAN_ROMANISATIONS: Record<string, string[]> = {
  محمد: ['Mohammad', 'Mohamad', 'Mohammed', 'Muhammad'],
  علی: ['Ali'],
  حسین: ['Hossein', 'Hosein', 'Hussein'],
  رضا: ['Reza'],
  مهدی: ['Mehdi', 'Mahdi'],
  امیر: ['Amir'],
  حسن: ['Hassan', 'Hasan'],
  سعید: ['Saeed', 'Saeid', 'Said'],
  محمدرضا: ['Mohammadreza', 'Mohammad Reza', 'Mohamadreza'],
  مجید: ['Majid'],
  احمد: ['Ahmad'],
  جواد: ['Javad'],
  مصطفی: ['Mostafa', 'Mustafa'],
  میلاد: ['Milad'],
  امید: ['Omid'],
  بهزاد: ['Behzad'],
  داوود: ['Davood', 'Davoud', 'Davud'],
  وحید: ['Vahid'],
  کامران: ['Kamran'],
  پویا: ['Pouya', 'Puya'],
  ابراهیم: ['Ebrahim', 'Ibrahim'],
  سجاد: ['Sajjad', 'Sajad'],
  مرتضی: ['Morteza'],
  فرهاد: ['Farhad'],
  بابک: ['Babak'],
  فاطمه: ['Fatemeh', 'Fateme', 'Fatima'],
  زهرا: ['Zahra'],
  مریم: ['Maryam', 'Mariam'],
  سارا: ['Sara', 'Sarah'],
  نرگس: ['Narges'],
  لیلا: ['Leila', 'Leyla', 'Layla'],
  الهام: ['Elham'],
  مینا: ['Mina'],
  نازنین: ['Nazanin'],
  شیرین: ['Shirin'],
  پریسا: ['Parisa'],
  مهسا: ['Mahsa'],
  ندا: ['Neda'],
  آزاده: ['Azadeh', 'Azade'],
  سمیرا: ['Samira'],
  نگار: ['Negar'],
  ریحانه: ['Reyhaneh', 'Reihaneh'],
  کیمیا: ['Kimia'],
  بهاره: ['Bahareh'],
  طاهره: ['Tahereh'],
  معصومه: ['Masoumeh', 'Masoume'],
  سمانه: ['Samaneh'],
  زینب: ['Zeynab', 'Zeinab', 'Zainab'],
  فریبا: ['Fariba'],
  شیما: ['Shima'],
  محمدی: ['Mohammadi', 'Mohamadi'],
  حسینی: ['Hosseini', 'Hoseini', 'Husseini'],
  احمدی: ['Ahmadi'],
  رضایی: ['Rezaei', 'Rezaee', 'Rezai'],
  موسوی: ['Mousavi', 'Musavi', 'Moosavi'],
  کریمی: ['Karimi'],
  حیدری: ['Heidari', 'Heydari'],
  جعفری: ['Jafari', 'Jaafari'],
  رحیمی: ['Rahimi'],
  هاشمی: ['Hashemi'],
  صادقی: ['Sadeghi', 'Sadeqi'],
  قاسمی: ['Ghasemi', 'Qasemi'],
  نوری: ['Nouri', 'Noori'],
  عباسی: ['Abbasi'],
  اکبری: ['Akbari'],
  کاظمی: ['Kazemi'],
  ابراهیمی: ['Ebrahimi'],
  زارعی: ['Zarei'],
  سلیمانی: ['Soleimani', 'Soleymani'],
  باقری: ['Bagheri', 'Baqeri'],
  یوسفی: ['Yousefi', 'Yusefi'],
  امیری: ['Amiri'],
  نجفی: ['Najafi'],
  مرادی: ['Moradi'],
  شریفی: ['Sharifi'],
  طاهری: ['Taheri'],
  فرهادی: ['Farhadi'],
  رستمی: ['Rostami'],
  نظری: ['Nazari'],
  سعیدی: ['Saeedi', 'Saidi'],
  ملکی: ['Maleki'],
  صالحی: ['Salehi'],
  اسدی: ['Asadi'],
  جلالی: ['Jalali'],
  عزیزی: ['Azizi'],
  یزدانی: ['Yazdani'],
  بهرامی: ['Bahrami'],
  طالبی: ['Talebi'],
};
