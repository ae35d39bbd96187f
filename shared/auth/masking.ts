import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * What a role without `pii:reveal` sees of each kind of personal data. Pure functions, each keeping just
 * enough to recognise the person on the phone ("the address ending in 5959?") and no more. Every mask
 * returns a value of the same GraphQL type as its input, so a masked field stays schema-valid.
 */
export const MASK = '•••';

const firstChar = (s: string) => Array.from(s.trim())[0] ?? '';

/** `eva.kovacs@example.com` → `e•••@example.com`: the first character and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK;
  return `${firstChar(email.slice(0, at))}${MASK}${email.slice(at)}`;
}

/**
 * `+36301235959` → `+36 •• ••• 5959`: the country calling code and the last four digits, the other digits
 * hidden in the number's international grouping. A string that is not a phone number keeps only its last
 * four digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(phone.startsWith('+') ? phone : `+${digits}`);
  if (!parsed || digits.length < 7) return digits.length > 4 ? `${MASK}${digits.slice(-4)}` : MASK;
  const prefix = `+${parsed.countryCallingCode}`;
  const rest = parsed.formatInternational().slice(prefix.length);
  let hide = rest.replace(/\D/g, '').length - 4;
  return prefix + rest.replace(/\d/g, (d) => (hide-- > 0 ? '•' : d));
}

/** `Anna Maria` → `A. M.`: initials only. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts.length ? parts.map((p) => `${firstChar(p)}.`).join(' ') : MASK;
}

/** `1985-03-14` → `1985`: the year only (for String fields; a LocalDate field withholds the value). */
export function maskBirthDate(date: string): string {
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(date)?.[1];
  return year ?? MASK;
}

export interface AddressLike {
  street?: string | null;
  houseNumber?: string | null;
  city?: string | null;
  postcode?: string | null;
  region?: string | null;
  country?: string | null;
}

/** An address reduced to its city and country. */
export function maskAddress<T extends AddressLike>(address: T): T {
  return { ...address, street: null, houseNumber: null, postcode: null, region: null };
}

/** An external, device, cookie or loyalty id: its last four characters, when it is long enough to spare them. */
export function maskIdentifier(value: string): string {
  const chars = Array.from(value.trim());
  return chars.length > 8 ? `${MASK}${chars.slice(-4).join('')}` : MASK;
}

/** A social handle or user name: its first character. */
export function maskHandle(handle: string): string {
  return `${firstChar(handle)}${MASK}`;
}

/** Free text about a person (notes, message bodies): nothing of it. */
export function maskText(text: string): string {
  return text.trim() ? MASK : text;
}

/** The kinds of personal data a policy rule can name, each with its mask. */
export const MASKS = {
  email: maskEmail,
  phone: maskPhone,
  name: maskName,
  birthDate: maskBirthDate,
  address: maskAddress,
  identifier: maskIdentifier,
  handle: maskHandle,
  text: maskText,
  /** Withheld entirely (null): for values a mask cannot keep type-valid, such as a LocalDate. */
  withhold: () => null,
} as const;

export type MaskKind = keyof typeof MASKS;

/**
 * Applies a mask to a resolved value: null stays null, lists are masked element by element, anything the
 * mask does not expect (a number where a string was promised) is withheld rather than passed through.
 */
export function applyMask(kind: MaskKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(kind, v));
  if (kind === 'withhold') return null;
  if (kind === 'address') return typeof value === 'object' ? maskAddress(value as AddressLike) : null;
  return typeof value === 'string' ? (MASKS[kind] as (s: string) => string)(value) : null;
}
