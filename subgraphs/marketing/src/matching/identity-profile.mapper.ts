import { blockingKeys, type IdentityProfile } from '../identity';
import { IdentifierKind } from '../customer/customer.enums';
import type { CustomerDoc } from '../customer/customer.model';

/**
 * Customer document → the identity engine's plain profile: the one place that knows both shapes.
 * Loyalty cards count as external ids and cookies as device ids (same sharing semantics in the engine);
 * their kind is kept in the value so a card number never equals an order-system id by accident.
 */
export function toIdentityProfile(
  doc: Pick<
    CustomerDoc,
    '_id' | 'givenName' | 'familyName' | 'emails' | 'phones' | 'identifiers' | 'address' | 'birthDate'
  >,
): IdentityProfile {
  const ids = doc.identifiers ?? [];
  const of = (...kinds: IdentifierKind[]) =>
    ids.filter((i) => kinds.includes(i.kind)).map((i) => `${i.kind.toLowerCase()}:${i.normalized}`);
  return {
    id: doc._id,
    givenName: doc.givenName ?? undefined,
    familyName: doc.familyName ?? undefined,
    emails: (doc.emails ?? []).map((e) => e.normalized),
    phones: (doc.phones ?? []).map((p) => p.number),
    externalIds: of(IdentifierKind.EXTERNAL_ID, IdentifierKind.LOYALTY_CARD),
    deviceIds: of(IdentifierKind.DEVICE_ID, IdentifierKind.COOKIE_ID),
    address: doc.address ? { ...doc.address } : undefined,
    birthDate: doc.birthDate ?? undefined,
  };
}

/** The profile's blocking keys, stored on the document (multikey index) for candidate look-ups. */
export function identityKeysOf(doc: Parameters<typeof toIdentityProfile>[0]): string[] {
  return blockingKeys(toIdentityProfile(doc));
}
