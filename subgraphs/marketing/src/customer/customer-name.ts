/**
 * Name keys for sorting and prefix search. Accent-insensitive (`Kovács` → `kovacs`, `Łukasz` → `lukasz`),
 * and Arabic-script letters that Persian writes differently are unified so one spelling finds the other.
 */

const LATIN_EXTRAS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};
// Arabic yeh/kaf/teh marbuta vs their Persian forms; tatweel and harakat are dropped below.
const ARABIC_SCRIPT: Record<string, string> = { ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه', أ: 'ا', إ: 'ا', آ: 'ا' };

export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .toLowerCase()
    .replace(/[łđðøßæœþıيىكةأإآ]/g, (ch) => LATIN_EXTRAS[ch] ?? ARABIC_SCRIPT[ch] ?? ch)
    .replace(/[\s\u200c]+/g, ' ')
    .trim();
}

/** Languages that write the family name first (Hungarian `Kovács Péter`, East Asian names). */
const FAMILY_FIRST = new Set(['hu', 'ja', 'zh', 'ko', 'vi']);

export function formatDisplayName(
  givenName: string | undefined | null,
  familyName: string | undefined | null,
  language: string | undefined | null,
): string | null {
  const parts = [givenName?.trim(), familyName?.trim()].filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  const base = language?.split('-')[0]?.toLowerCase();
  if (parts.length === 2 && base && FAMILY_FIRST.has(base)) parts.reverse();
  return parts.join(' ');
}

/** Sort key for FAMILY_NAME_ASC: folded family then given name; profiles without a family name sort last. */
export function nameSortKey(givenName?: string | null, familyName?: string | null): string {
  const family = familyName ? foldName(familyName) : '';
  return `${family || '\uffff'}\u0001${givenName ? foldName(givenName) : ''}`;
}

/** Tokens a prefix search looks at: each folded name word and every email address (already normalized). */
export function searchTokens(
  names: Array<string | undefined | null>,
  normalizedEmails: readonly string[],
): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = foldName(name);
    for (const word of folded.split(/[\s'’-]+/)) if (word) tokens.add(word);
  }
  for (const email of normalizedEmails) tokens.add(email);
  return [...tokens];
}

/** A user's search text → the token prefixes that must all match (same folding as the stored tokens). */
export function searchPrefixes(text: string, max = 4): string[] {
  return foldName(text)
    .split(/[\s'’-]+/)
    .filter(Boolean)
    .slice(0, max);
}
