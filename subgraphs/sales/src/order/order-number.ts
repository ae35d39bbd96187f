import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread on the phone

/** `SO-20240131-7K3M9QXA`: the day makes numbers sortable by eye, 40 random bits make collisions rare. */
export function newOrderNumber(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b & 31];
  return `SO-${day}-${suffix}`;
}
