/**
 * Name pools of the demo markets. Frequent names come first (pickers favour the head of each list, as real
 * name frequencies do). Nicknames feed the duplicate profiles ("Peti" for Péter, "Kasia" for Katarzyna).
 */

export type Locale = 'hu' | 'pl' | 'de' | 'en' | 'fa';
export const LOCALES: readonly Locale[] = ['hu', 'pl', 'de', 'en', 'fa'];

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
  /** Given name → informal forms people also sign up with. */
  nicknames: Readonly<Record<string, readonly string[]>>;
}

export const NAMES: Readonly<Record<Exclude<Locale, 'fa'>, NamePool>> = {
  hu: {
    male: ['Péter', 'László', 'István', 'József', 'János', 'Zoltán', 'Sándor', 'Gábor', 'Attila', 'Ferenc', 'Tamás', 'Zsolt', 'András', 'Csaba', 'Balázs', 'Gergő', 'Dávid', 'Ádám', 'Bence', 'Máté', 'Levente', 'Kristóf'],
    female: ['Mária', 'Erzsébet', 'Katalin', 'Éva', 'Ildikó', 'Zsuzsanna', 'Anna', 'Krisztina', 'Andrea', 'Judit', 'Ágnes', 'Eszter', 'Réka', 'Dóra', 'Petra', 'Zsófia', 'Boglárka', 'Lilla', 'Noémi', 'Viktória'],
    family: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp', 'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete', 'Szilágyi', 'Török', 'Fehér', 'Balázs', 'Gál', 'Szűcs', 'Kocsis', 'Pintér', 'Fodor', 'Szalai', 'Sipos', 'Magyar', 'Lukács', 'Gulyás', 'Bíró', 'Király', 'Katona', 'Bartók', 'Csonka', 'Vörös'],
    nicknames: {
      Péter: ['Peti'], László: ['Laci'], István: ['Pista', 'Isti'], József: ['Józsi'], János: ['Jani'], Zoltán: ['Zoli'],
      Sándor: ['Sanyi'], Gábor: ['Gabi'], Ferenc: ['Feri'], Tamás: ['Tomi'], András: ['Andris'], Dávid: ['Dave'],
      Mária: ['Mari', 'Marika'], Erzsébet: ['Erzsi', 'Bözsi'], Katalin: ['Kati'], Éva: ['Évi'], Zsuzsanna: ['Zsuzsa', 'Zsuzsi'],
      Krisztina: ['Kriszti'], Ágnes: ['Ági'], Zsófia: ['Zsófi'], Viktória: ['Viki'], Andrea: ['Andi'], Judit: ['Jutka'],
    },
  },
  pl: {
    male: ['Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Łukasz', 'Grzegorz', 'Mateusz', 'Adam', 'Marek', 'Wojciech', 'Kamil', 'Maciej', 'Rafał', 'Szymon', 'Jan', 'Bartłomiej'],
    female: ['Anna', 'Katarzyna', 'Maria', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Magdalena', 'Joanna', 'Aleksandra', 'Zofia', 'Monika', 'Natalia', 'Julia', 'Beata', 'Dorota', 'Justyna', 'Żaneta', 'Urszula'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski', 'Nowakowski', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel', 'Majewski', 'Olszewski', 'Stępień', 'Jaworski', 'Malinowski', 'Górski', 'Zając', 'Sikora', 'Baran', 'Duda', 'Szewczyk', 'Czarnecki', 'Sadowski', 'Żak', 'Chmielewski'],
    nicknames: {
      Piotr: ['Piotrek'], Krzysztof: ['Krzysiek'], Andrzej: ['Jędrek'], Tomasz: ['Tomek'], Michał: ['Michałek'], Jakub: ['Kuba'],
      Grzegorz: ['Grzesiek'], Mateusz: ['Mati'], Wojciech: ['Wojtek'], Maciej: ['Maciek'], Bartłomiej: ['Bartek'], Szymon: ['Szymek'],
      Anna: ['Ania'], Katarzyna: ['Kasia'], Małgorzata: ['Gosia'], Agnieszka: ['Aga'], Barbara: ['Basia'], Magdalena: ['Magda'],
      Joanna: ['Asia'], Aleksandra: ['Ola'], Zofia: ['Zosia'], Krystyna: ['Krysia'], Julia: ['Julka'], Urszula: ['Ula'],
    },
  },
  de: {
    male: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Jürgen', 'Klaus', 'Jörg', 'Uwe', 'Frank', 'Markus', 'Christian', 'Alexander', 'Tobias', 'Florian', 'Lukas', 'Jonas', 'Maximilian', 'Felix', 'Sebastian', 'Matthias', 'Günter'],
    female: ['Sabine', 'Petra', 'Monika', 'Claudia', 'Susanne', 'Andrea', 'Birgit', 'Katrin', 'Julia', 'Anna', 'Lena', 'Laura', 'Sarah', 'Hannah', 'Sophie', 'Ursula', 'Gisela', 'Renate', 'Bärbel', 'Jana', 'Jülide'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'König', 'Walter', 'Huber', 'Weiß', 'Fuchs', 'Strauß', 'Groß', 'Jäger', 'Vogel', 'Günther', 'Böhm'],
    nicknames: {
      Thomas: ['Tom', 'Thommy'], Michael: ['Micha', 'Michi'], Andreas: ['Andi'], Alexander: ['Alex'], Christian: ['Chris'],
      Tobias: ['Tobi'], Florian: ['Flo'], Maximilian: ['Max'], Sebastian: ['Basti'], Matthias: ['Matze'], Stefan: ['Steff'],
      Susanne: ['Susi'], Katrin: ['Kati'], Andrea: ['Andi'], Ursula: ['Uschi'], Gisela: ['Gisi'], Hannah: ['Hanni'], Julia: ['Jule'],
    },
  },
  en: {
    male: ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Andrew', 'Joshua', 'Benjamin', 'Samuel', 'Oliver', 'Jack', 'Harry', 'Edward', 'Patrick'],
    female: ['Mary', 'Elizabeth', 'Jennifer', 'Linda', 'Patricia', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Emily', 'Olivia', 'Emma', 'Charlotte', 'Amelia', 'Sophie', 'Grace', 'Hannah', 'Catherine', 'Margaret', 'Victoria', 'Rebecca', 'Siobhan'],
    family: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', "O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Miller', 'Garcia', 'Davis'],
    nicknames: {
      James: ['Jim', 'Jimmy'], John: ['Johnny', 'Jack'], Robert: ['Bob', 'Rob', 'Bobby'], Michael: ['Mike'], William: ['Bill', 'Will'],
      David: ['Dave'], Richard: ['Rick', 'Richie'], Joseph: ['Joe'], Thomas: ['Tom'], Christopher: ['Chris'], Daniel: ['Dan', 'Danny'],
      Matthew: ['Matt'], Anthony: ['Tony'], Andrew: ['Andy'], Joshua: ['Josh'], Benjamin: ['Ben'], Samuel: ['Sam'], Edward: ['Ed', 'Ted'],
      Patrick: ['Pat'], Elizabeth: ['Liz', 'Beth'], Jennifer: ['Jen'], Patricia: ['Patty', 'Pat'], Susan: ['Sue'], Jessica: ['Jess'],
      Catherine: ['Kate', 'Cathy'], Margaret: ['Maggie', 'Peggy'], Victoria: ['Vicky'], Rebecca: ['Becky'], Olivia: ['Liv'],
      Charlotte: ['Lottie'], Amelia: ['Millie'],
    },
  },
};

/** A Persian name in Persian script with its usual romanisation first and other spellings after it. */
export interface PersianName {
  fa: string;
  latin: readonly string[];
}

export const PERSIAN_NAMES: {
  male: readonly PersianName[];
  female: readonly PersianName[];
  family: readonly PersianName[];
} = {
  male: [
    { fa: 'محمد', latin: ['Mohammad', 'Mohammed', 'Muhammad'] },
    { fa: 'علی', latin: ['Ali'] },
    { fa: 'حسین', latin: ['Hossein', 'Hosein', 'Hussein'] },
    { fa: 'رضا', latin: ['Reza'] },
    { fa: 'مهدی', latin: ['Mehdi', 'Mahdi'] },
    { fa: 'امیر', latin: ['Amir'] },
    { fa: 'حمید', latin: ['Hamid'] },
    { fa: 'سعید', latin: ['Saeed', 'Saeid', 'Said'] },
    { fa: 'مجید', latin: ['Majid'] },
    { fa: 'محمدرضا', latin: ['Mohammadreza', 'Mohammad Reza'] },
    { fa: 'امیرحسین', latin: ['Amirhossein', 'Amir Hossein'] },
    { fa: 'داریوش', latin: ['Dariush', 'Daryoush'] },
    { fa: 'کوروش', latin: ['Kourosh', 'Kurosh'] },
    { fa: 'فرهاد', latin: ['Farhad'] },
    { fa: 'آرش', latin: ['Arash'] },
    { fa: 'سیاوش', latin: ['Siavash', 'Siyavash'] },
    { fa: 'پویا', latin: ['Pouya', 'Pooya'] },
  ],
  female: [
    { fa: 'فاطمه', latin: ['Fatemeh', 'Fateme', 'Fatima'] },
    { fa: 'زهرا', latin: ['Zahra'] },
    { fa: 'مریم', latin: ['Maryam', 'Mariam'] },
    { fa: 'سارا', latin: ['Sara', 'Sarah'] },
    { fa: 'نگار', latin: ['Negar'] },
    { fa: 'شیرین', latin: ['Shirin'] },
    { fa: 'مینا', latin: ['Mina'] },
    { fa: 'لیلا', latin: ['Leila', 'Leyla', 'Layla'] },
    { fa: 'نازنین', latin: ['Nazanin'] },
    { fa: 'پریسا', latin: ['Parisa'] },
    { fa: 'الهام', latin: ['Elham'] },
    { fa: 'آزاده', latin: ['Azadeh', 'Azade'] },
    { fa: 'یاسمن', latin: ['Yasaman', 'Yasmin'] },
    { fa: 'ستاره', latin: ['Setareh', 'Setare'] },
    { fa: 'نیلوفر', latin: ['Niloufar', 'Niloofar', 'Nilufar'] },
  ],
  family: [
    { fa: 'رضایی', latin: ['Rezaei', 'Rezaee', 'Rezai'] },
    { fa: 'محمدی', latin: ['Mohammadi', 'Mohamadi'] },
    { fa: 'حسینی', latin: ['Hosseini', 'Hoseini', 'Husseini'] },
    { fa: 'احمدی', latin: ['Ahmadi', 'Ahmady'] },
    { fa: 'کریمی', latin: ['Karimi'] },
    { fa: 'موسوی', latin: ['Mousavi', 'Musavi', 'Moosavi'] },
    { fa: 'جعفری', latin: ['Jafari', 'Jafary'] },
    { fa: 'صادقی', latin: ['Sadeghi', 'Sadeqi'] },
    { fa: 'رحیمی', latin: ['Rahimi'] },
    { fa: 'کاظمی', latin: ['Kazemi'] },
    { fa: 'هاشمی', latin: ['Hashemi'] },
    { fa: 'تهرانی', latin: ['Tehrani'] },
    { fa: 'شیرازی', latin: ['Shirazi'] },
    { fa: 'نوری', latin: ['Nouri', 'Noori'] },
    { fa: 'قاسمی', latin: ['Ghasemi', 'Qasemi'] },
    { fa: 'عباسی', latin: ['Abbasi'] },
    { fa: 'میرزایی', latin: ['Mirzaei', 'Mirzaee'] },
    { fa: 'یزدانی', latin: ['Yazdani'] },
    { fa: 'کیانی', latin: ['Kiani', 'Kiyani'] },
    { fa: 'فرهادی', latin: ['Farhadi'] },
  ],
};

/** Polish family names take a feminine form (Kowalski → Kowalska); other markets keep one form. */
export function feminineFamilyName(locale: Locale, family: string): string {
  if (locale !== 'pl') return family;
  return family.replace(/(sk|ck|dzk)i$/, '$1a');
}

/** Diacritics dropped the way people type on a foreign keyboard (`Łukasz` → `Lukasz`, `Weiß` → `Weiss`). */
export function stripDiacritics(value: string): string {
  return value
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Lower-case ASCII letters only: the local part of an email address made from a name. */
export function emailLocalPart(value: string): string {
  return stripDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
