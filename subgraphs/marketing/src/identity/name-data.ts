/**
 * Reference lists the normalizer needs: nicknames, common given and family names (to recognise
 * family-name-first order), titles, street-type abbreviations and country names. Small on purpose:
 * they cover the markets the product ships demo data for (Hungary, Poland, Iran, the UK); extend them
 * here, the normalizer folds diacritics itself.
 */

/** Each group: a given name and the forms people use for it. Nicknames match their own group only. */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  // English
  ['William', 'Bill', 'Billy', 'Will', 'Willie', 'Liam'],
  ['Robert', 'Bob', 'Bobby', 'Rob', 'Robbie', 'Bert'],
  ['Elizabeth', 'Liz', 'Lizzie', 'Beth', 'Betty', 'Eliza', 'Libby'],
  ['Katherine', 'Catherine', 'Kathryn', 'Kate', 'Katie', 'Kathy', 'Cathy', 'Kat'],
  ['Margaret', 'Maggie', 'Meg', 'Peggy', 'Madge'],
  ['James', 'Jim', 'Jimmy', 'Jamie'],
  ['Michael', 'Mike', 'Mikey', 'Mick'],
  ['Richard', 'Rick', 'Ricky', 'Dick', 'Rich'],
  ['Thomas', 'Tom', 'Tommy'],
  ['John', 'Johnny', 'Jack'],
  ['Jonathan', 'Jon', 'Jonny'],
  ['Alexander', 'Alex', 'Sandy', 'Xander'],
  ['Daniel', 'Dan', 'Danny'],
  ['Christopher', 'Chris', 'Kit'],
  ['Jennifer', 'Jen', 'Jenny'],
  ['Susan', 'Sue', 'Susie'],
  ['Edward', 'Ed', 'Eddie', 'Ted', 'Ned'],
  ['Anthony', 'Tony'],
  ['Joseph', 'Joe', 'Joey'],
  ['Patricia', 'Pat', 'Patty', 'Trish'],
  ['Samuel', 'Sam', 'Sammy'],
  ['Samantha', 'Sam', 'Sammy'],
  ['Benjamin', 'Ben', 'Benny'],
  ['Charles', 'Charlie', 'Chuck'],
  ['Victoria', 'Vicky', 'Tori'],
  ['Rebecca', 'Becky', 'Becca'],
  ['Deborah', 'Debbie', 'Deb'],
  ['Matthew', 'Matt'],
  ['Nicholas', 'Nick', 'Nicky'],
  ['Andrew', 'Andy', 'Drew'],
  ['Emily', 'Em', 'Emmy'],
  ['Jessica', 'Jess', 'Jessie'],
  // Hungarian
  ['Péter', 'Peti', 'Petya'],
  ['László', 'Laci', 'Lacika'],
  ['István', 'Pista', 'Pisti', 'Isti'],
  ['József', 'Józsi', 'Jóska'],
  ['János', 'Jani', 'Jancsi'],
  ['Ferenc', 'Feri', 'Ferkó'],
  ['Zoltán', 'Zoli'],
  ['Gábor', 'Gabi'],
  ['Sándor', 'Sanyi'],
  ['Tamás', 'Tomi'],
  ['Attila', 'Ati'],
  ['Gergely', 'Gergő', 'Geri'],
  ['György', 'Gyuri'],
  ['Mihály', 'Misi'],
  ['Katalin', 'Kati', 'Kata', 'Katika'],
  ['Erzsébet', 'Erzsi', 'Bözsi', 'Zsóka'],
  ['Zsófia', 'Zsófi', 'Zsófika'],
  ['Mária', 'Mari', 'Marika', 'Marcsi'],
  ['Éva', 'Évi', 'Évike'],
  ['Anna', 'Panni', 'Anni', 'Ancsa', 'Ania', 'Anka', 'Anusia'],
  ['Judit', 'Jutka', 'Juci'],
  ['Krisztina', 'Kriszti', 'Krisz'],
  ['Andrea', 'Andi'],
  ['Ildikó', 'Ildi'],
  ['Ágnes', 'Ági'],
  ['Zsuzsanna', 'Zsuzsa', 'Zsuzsi'],
  ['Erika', 'Eri'],
  ['Dorottya', 'Dóri', 'Dorka'],
  // Polish
  ['Katarzyna', 'Kasia', 'Kaśka', 'Kasieńka'],
  ['Małgorzata', 'Gosia', 'Małgosia', 'Gośka'],
  ['Aleksandra', 'Ola', 'Olka'],
  ['Agnieszka', 'Aga', 'Agnieszka'],
  ['Magdalena', 'Magda', 'Madzia'],
  ['Joanna', 'Asia', 'Aśka'],
  ['Barbara', 'Basia', 'Baśka'],
  ['Elżbieta', 'Ela', 'Elka'],
  ['Krzysztof', 'Krzysiek', 'Krzyś'],
  ['Wojciech', 'Wojtek'],
  ['Tomasz', 'Tomek'],
  ['Piotr', 'Piotrek'],
  ['Jakub', 'Kuba'],
  ['Grzegorz', 'Grzesiek', 'Grześ'],
  ['Aleksander', 'Olek', 'Oleś'],
  ['Stanisław', 'Staszek', 'Stasiek', 'Staś'],
  ['Józef', 'Józek'],
  ['Jan', 'Janek', 'Jasiek', 'Jaś'],
  ['Zbigniew', 'Zbyszek'],
  ['Tadeusz', 'Tadek'],
  ['Andrzej', 'Jędrek'],
  ['Michał', 'Michałek', 'Misiek'],
  ['Paweł', 'Pawełek'],
  ['Łukasz', 'Łukaszek'],
  ['Marcin', 'Marcinek'],
  ['Ewa', 'Ewka', 'Ewunia'],
  ['Dorota', 'Dorotka', 'Dora'],
  ['Żaneta', 'Żanetka'],
  // Persian (romanised and in Persian script)
  ['Mohammad', 'Mamad', 'Mammad', 'محمد', 'ممد'],
  ['Fatemeh', 'Fati', 'فاطمه', 'فاطی'],
  ['Mohammadreza', 'Mamadreza', 'محمدرضا', 'ممدرضا'],
  ['Masoumeh', 'Masi', 'معصومه'],
];

/** Common given names per market, used to recognise which of two name tokens is the given name. */
export const GIVEN_NAMES: Record<'hu' | 'pl' | 'en' | 'fa', { male: string[]; female: string[] }> = {
  hu: {
    male: [
      'László', 'István', 'József', 'János', 'Zoltán', 'Sándor', 'Gábor', 'Ferenc', 'Attila', 'Péter',
      'Tamás', 'Zsolt', 'Tibor', 'András', 'Csaba', 'Imre', 'Lajos', 'György', 'Balázs', 'Gyula', 'Mihály',
      'Károly', 'Róbert', 'Béla', 'Dávid', 'Dániel', 'Ádám', 'Krisztián', 'Miklós', 'Norbert', 'Bence',
      'Máté', 'Levente', 'Gergely', 'Márk', 'Ákos', 'Dominik', 'Botond', 'Kristóf', 'Barnabás',
    ],
    female: [
      'Mária', 'Erzsébet', 'Katalin', 'Éva', 'Ilona', 'Anna', 'Zsuzsanna', 'Margit', 'Judit', 'Ágnes',
      'Andrea', 'Ildikó', 'Erika', 'Krisztina', 'Irén', 'Eszter', 'Tímea', 'Szilvia', 'Mónika', 'Gabriella',
      'Anita', 'Edit', 'Viktória', 'Zsófia', 'Julianna', 'Rozália', 'Klára', 'Nikolett', 'Beáta', 'Hajnalka',
      'Dorina', 'Réka', 'Petra', 'Fanni', 'Boglárka', 'Lilla', 'Dorottya', 'Emese', 'Noémi', 'Kinga',
    ],
  },
  pl: {
    male: [
      'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Jan', 'Paweł', 'Michał', 'Marcin', 'Stanisław', 'Jakub',
      'Adam', 'Marek', 'Łukasz', 'Grzegorz', 'Mateusz', 'Wojciech', 'Mariusz', 'Dariusz', 'Zbigniew',
      'Jerzy', 'Maciej', 'Rafał', 'Robert', 'Kamil', 'Józef', 'Janusz', 'Dawid', 'Jacek', 'Tadeusz',
      'Ryszard', 'Szymon', 'Kacper', 'Przemysław', 'Sebastian', 'Bartosz', 'Artur', 'Daniel', 'Henryk',
      'Aleksander', 'Filip',
    ],
    female: [
      'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Magdalena',
      'Elżbieta', 'Joanna', 'Zofia', 'Aleksandra', 'Monika', 'Teresa', 'Danuta', 'Natalia', 'Karolina',
      'Marta', 'Beata', 'Dorota', 'Janina', 'Jadwiga', 'Halina', 'Irena', 'Alicja', 'Jolanta', 'Grażyna',
      'Iwona', 'Justyna', 'Paulina', 'Żaneta', 'Urszula', 'Weronika', 'Wiktoria', 'Julia', 'Oliwia', 'Hanna',
      'Zuzanna', 'Emilia',
    ],
  },
  en: {
    male: [
      'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
      'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Paul', 'Steven', 'Andrew', 'Kenneth', 'Joshua',
      'George', 'Edward', 'Oliver', 'Harry', 'Jack', 'Samuel', 'Benjamin', 'Alexander', 'Nicholas', 'Jonathan',
      'Peter', 'Stephen', 'Simon', 'Ian', 'Gary', 'Graham', 'Stuart', 'Craig', 'Neil', 'Liam',
    ],
    female: [
      'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
      'Emily', 'Emma', 'Olivia', 'Sophie', 'Charlotte', 'Lucy', 'Hannah', 'Rebecca', 'Victoria', 'Amy',
      'Laura', 'Rachel', 'Claire', 'Helen', 'Katherine', 'Margaret', 'Deborah', 'Samantha', 'Joanne', 'Nicola',
      'Michelle', 'Louise', 'Alice', 'Grace', 'Chloe', 'Megan', 'Jane', 'Anne', 'Julie', 'Ruth',
    ],
  },
  fa: {
    male: [
      'محمد', 'علی', 'حسین', 'رضا', 'مهدی', 'امیر', 'حسن', 'سعید', 'محمدرضا', 'مجید', 'احمد', 'جواد',
      'مصطفی', 'میلاد', 'امید', 'بهزاد', 'داوود', 'وحید', 'کامران', 'پویا', 'ابراهیم', 'سجاد', 'مرتضی',
      'فرهاد', 'بابک',
    ],
    female: [
      'فاطمه', 'زهرا', 'مریم', 'سارا', 'نرگس', 'لیلا', 'الهام', 'مینا', 'نازنین', 'شیرین', 'پریسا', 'مهسا',
      'ندا', 'آزاده', 'سمیرا', 'نگار', 'ریحانه', 'کیمیا', 'بهاره', 'طاهره', 'معصومه', 'سمانه', 'زینب',
      'فریبا', 'شیما',
    ],
  },
};

/** Romanised spellings of the Persian given names above, used by order detection for Latin input. */
export const PERSIAN_GIVEN_ROMANISED: readonly string[] = [
  'Mohammad', 'Mohamad', 'Muhammad', 'Ali', 'Hossein', 'Hosein', 'Reza', 'Mehdi', 'Mahdi', 'Amir', 'Hassan',
  'Hasan', 'Saeed', 'Saeid', 'Majid', 'Ahmad', 'Javad', 'Mostafa', 'Milad', 'Omid', 'Behzad', 'Davood',
  'Davoud', 'Vahid', 'Kamran', 'Pouya', 'Ebrahim', 'Sajjad', 'Morteza', 'Farhad', 'Babak', 'Fatemeh',
  'Zahra', 'Maryam', 'Sara', 'Narges', 'Leila', 'Elham', 'Mina', 'Nazanin', 'Shirin', 'Parisa', 'Mahsa',
  'Neda', 'Azadeh', 'Samira', 'Negar', 'Reyhaneh', 'Kimia', 'Bahareh', 'Tahereh', 'Masoumeh', 'Samaneh',
  'Zeynab', 'Fariba', 'Shima',
];

/** Common family names, used with GIVEN_NAMES to tell which token is which. */
export const FAMILY_NAMES: Record<'hu' | 'pl' | 'en' | 'fa', string[]> = {
  hu: [
    'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh',
    'Papp', 'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete', 'Szilágyi',
    'Török', 'Fehér', 'Balázs', 'Gál', 'Kis', 'Szűcs', 'Kocsis', 'Pintér', 'Fodor', 'Szalai', 'Sipos',
    'Magyar', 'Lukács', 'Gulyás', 'Biró', 'Király', 'Katona', 'Jakab', 'Bogdán', 'Boros', 'Fazekas',
    'Kelemen', 'Antal', 'Orosz', 'Somogyi', 'Fülöp', 'Veres', 'Vincze', 'Hegedűs', 'Deák', 'Bálint',
    'Illés', 'Vass', 'Szőke', 'Fábián', 'Vörös', 'Lengyel', 'Bognár', 'Halász', 'Székely', 'Pásztor',
  ],
  pl: [
    'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński',
    'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski',
    'Krawczyk', 'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król',
    'Wieczorek', 'Jabłoński', 'Wróbel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski',
    'Jaworski', 'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora',
    'Baran', 'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski',
    'Wróblewski', 'Kaźmierczak', 'Marciniak', 'Jasiński', 'Zawadzki', 'Bąk', 'Jakubowski', 'Sadowski',
    'Duda', 'Włodarczyk', 'Wilk', 'Chmielewski', 'Sokołowski', 'Czarnecki', 'Kołodziej', 'Łuczak',
  ],
  en: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
    'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
    'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
    'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott',
    'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly',
    'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', "O'Brien", 'Campbell',
  ],
  fa: [
    'محمدی', 'حسینی', 'احمدی', 'رضایی', 'موسوی', 'کریمی', 'حیدری', 'جعفری', 'رحیمی', 'هاشمی', 'صادقی',
    'قاسمی', 'نوری', 'عباسی', 'اکبری', 'کاظمی', 'ابراهیمی', 'زارعی', 'سلیمانی', 'باقری', 'یوسفی',
    'امیری', 'نجفی', 'مرادی', 'شریفی', 'طاهری', 'فرهادی', 'رستمی', 'نظری', 'سعیدی', 'ملکی', 'صالحی',
    'اسدی', 'جلالی', 'عزیزی', 'یزدانی', 'بهرامی', 'طالبی',
  ],
};

/** Titles and name particles that carry no identity and are dropped from comparison keys. */
export const NAME_TITLES: readonly string[] = [
  'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame', 'ifj', 'id', 'ozv', 'jr', 'sr', 'ii', 'iii',
  'pan', 'pani', 'inz', 'mgr', 'seyed', 'seyyed', 'sayed', 'sayyed', 'سید', 'سیده', 'آقای', 'خانم', 'دکتر',
];

/**
 * Street-type words and their abbreviations, mapped to one canonical word so "Fő u." and "Fő utca" or
 * "ul. Długa" and "ulica Długa" compare equal. Keys are already folded (lower case, no diacritics).
 */
export const STREET_TYPES: Record<string, string> = {
  // Hungarian
  utca: 'utca', u: 'utca', ut: 'ut', utja: 'utja', krt: 'korut', korut: 'korut', ter: 'ter', tr: 'ter',
  koz: 'koz', sor: 'sor', fasor: 'fasor', rkp: 'rakpart', rakpart: 'rakpart', setany: 'setany',
  // Polish
  ulica: 'ulica', ul: 'ulica', aleja: 'aleja', al: 'aleja', aleje: 'aleja', plac: 'plac', pl: 'plac',
  osiedle: 'osiedle', os: 'osiedle', rondo: 'rondo',
  // English
  street: 'street', st: 'street', road: 'road', rd: 'road', avenue: 'avenue', ave: 'avenue', av: 'avenue',
  lane: 'lane', ln: 'lane', drive: 'drive', dr: 'drive', court: 'court', ct: 'court', place: 'place',
  close: 'close', crescent: 'crescent', cres: 'crescent', terrace: 'terrace', terr: 'terrace',
  square: 'square', sq: 'square', boulevard: 'boulevard', blvd: 'boulevard', way: 'way', gardens: 'gardens',
  gdns: 'gardens', grove: 'grove', gr: 'grove',
  // Persian (after Arabic-script normalization)
  خیابان: 'خیابان', خ: 'خیابان', کوچه: 'کوچه', ک: 'کوچه', بلوار: 'بلوار', بزرگراه: 'بزرگراه', میدان: 'میدان',
  کوی: 'کوی', پلاک: 'پلاک',
};

/** Country names and codes (folded) to ISO 3166-1 alpha-2. */
export const COUNTRY_ALIASES: Record<string, string> = {
  hu: 'HU', hun: 'HU', hungary: 'HU', magyarorszag: 'HU', ungarn: 'HU', wegry: 'HU',
  pl: 'PL', pol: 'PL', poland: 'PL', polska: 'PL', polen: 'PL', lengyelorszag: 'PL',
  ir: 'IR', irn: 'IR', iran: 'IR', ایران: 'IR',
  gb: 'GB', gbr: 'GB', uk: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB',
  wales: 'GB', 'northern ireland': 'GB',
  us: 'US', usa: 'US', 'united states': 'US', 'united states of america': 'US',
  de: 'DE', deu: 'DE', germany: 'DE', deutschland: 'DE',
  at: 'AT', austria: 'AT', osterreich: 'AT',
  sk: 'SK', slovakia: 'SK', slovensko: 'SK',
  ro: 'RO', romania: 'RO',
};
