import { isEmail } from 'class-validator';
import { normalizeEmail as canonicalEmail, normalizePhone as canonicalPhone } from '../identity/normalize';
import { IdentifierKind, SocialNetwork } from './customer.enums';

/**
 * Storage/look-up keys for identifiers: the same person typed twice must produce the same key. The
 * identity-matching engine (identity/) will add fuzzier rules; these are the exact keys stored on profiles.
 */

export type Normalized = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): Normalized => ({ ok: true, value });
const fail = (reason: string): Normalized => ({ ok: false, reason });

/**
 * The stored key of an email: the matching engine's normalisation (one normaliser per identifier kind),
 * which must also pass as an address here, since the key is what messages are sent to.
 */
export function normalizeEmail(raw: string): Normalized {
  const value = canonicalEmail(raw);
  if (!value || value.length > 254 || !isEmail(value)) return fail('must be a valid email address');
  return ok(value);
}

/**
 * Any written form of a phone number (`06 30 123 4567`, `+36-30-123-4567`) to E.164 (`+36301234567`),
 * by the matching engine's normalisation. Numbers without a country code are read in `defaultRegion`
 * (the customer's country, else configuration); without one, only numbers with a country code are read.
 */
export function normalizePhone(raw: string, defaultRegion?: string): Normalized {
  const region = defaultRegion?.toUpperCase() ?? null;
  const phone = canonicalPhone(raw, region);
  if (!phone) return fail('is not a phone number');
  if (!phone.valid)
    return fail(`is not a valid phone number${region ? ` (read with region ${region})` : ''}`);
  return ok(phone.e164);
}

const NETWORK_ALIASES: Record<string, SocialNetwork> = {
  fb: SocialNetwork.FACEBOOK,
  ig: SocialNetwork.INSTAGRAM,
  twitter: SocialNetwork.X,
  tt: SocialNetwork.TIKTOK,
  yt: SocialNetwork.YOUTUBE,
};

/** Handles compare without the leading `@` and case-insensitively (as every major network treats them). */
export function normalizeSocialHandle(handle: string): Normalized {
  const value = handle.trim().replace(/^@+/, '').toLowerCase();
  if (!/^[\p{L}\p{N}._-]{1,100}$/u.test(value))
    return fail('must be a handle like @name (letters, digits, . _ -)');
  return ok(value);
}

/** `instagram:@Kovacs.Peter` → network + normalized handle, for look-ups by SOCIAL_HANDLE. */
export function parseSocialIdentifier(
  raw: string,
): { network: SocialNetwork; handle: string } | { reason: string } {
  const i = raw.indexOf(':');
  if (i <= 0) return { reason: 'must be network:handle, e.g. instagram:@name' };
  const name = raw.slice(0, i).trim().toLowerCase();
  const network =
    NETWORK_ALIASES[name] ?? (Object.values(SocialNetwork) as string[]).find((n) => n.toLowerCase() === name);
  if (!network) return { reason: `unknown network "${name}"` };
  const handle = normalizeSocialHandle(raw.slice(i + 1));
  if (!handle.ok) return { reason: handle.reason };
  return { network: network as SocialNetwork, handle: handle.value };
}

/** Keys for the non-contact identifiers; each kind has the comparison its issuers use. */
export function normalizeIdentifierValue(
  kind: IdentifierKind,
  raw: string,
  defaultRegion?: string,
): Normalized {
  const value = raw.trim();
  switch (kind) {
    case IdentifierKind.EMAIL:
      return normalizeEmail(raw);
    case IdentifierKind.PHONE:
      return normalizePhone(raw, defaultRegion);
    case IdentifierKind.SOCIAL_HANDLE: {
      const parsed = parseSocialIdentifier(raw);
      return 'reason' in parsed ? fail(parsed.reason) : ok(`${parsed.network}:${parsed.handle}`);
    }
    case IdentifierKind.EXTERNAL_ID:
      // Other systems' ids are case-sensitive and opaque: compare exactly, after trimming.
      if (!/^[\x21-\x7e]{1,128}$/.test(value))
        return fail('must be 1–128 printable ASCII characters without spaces');
      return ok(value);
    case IdentifierKind.DEVICE_ID:
      // IDFA/GAID/UUIDs are hex; platforms print them in either case.
      if (!/^[\x21-\x7e]{1,128}$/.test(value))
        return fail('must be 1–128 printable ASCII characters without spaces');
      return ok(value.toLowerCase());
    case IdentifierKind.COOKIE_ID:
      if (!/^[\x21-\x7e]{1,256}$/.test(value))
        return fail('must be 1–256 printable ASCII characters without spaces');
      return ok(value);
    case IdentifierKind.LOYALTY_CARD: {
      // Printed cards are typed with spaces and dashes; the number itself is what counts.
      const card = value.replace(/[\s-]/g, '').toUpperCase();
      if (!/^[A-Z0-9]{4,32}$/.test(card))
        return fail('must be 4–32 letters or digits (spaces and dashes ignored)');
      return ok(card);
    }
  }
}
