import { findDuplicates, groupHouseholds, type IdentityProfile } from '../../subgraphs/marketing/src/identity';
import { generateStory } from './story';
const story = generateStory({ customers: Number(process.argv[2] ?? 2000), seed: 42, asOf: new Date('2026-11-01') });
const profiles: IdentityProfile[] = story.customers.map(({ profile: p }) => ({
  id: p.customerId, givenName: p.givenName, familyName: p.familyName, emails: p.emails.map((e) => e.address), phones: p.phones.map((x) => x.number),
  externalIds: p.identifiers.filter((i) => i.kind === 'EXTERNAL_ID' || i.kind === 'LOYALTY_CARD').map((i) => i.value), deviceIds: p.identifiers.filter((i) => i.kind === 'DEVICE_ID').map((i) => i.value),
  address: p.address, birthDate: p.birthDate,
}));
const t = performance.now();
const res = findDuplicates(profiles, { phone: { defaultRegion: 'HU' } } as never);
console.log('ms', Math.round(performance.now() - t), JSON.stringify({ auto: res.stats.autoMergePairs, review: res.stats.reviewPairs }));
const person = new Map(story.customers.map((c) => [c.profile.customerId, c.profile.personKey]));
const truth = new Set<string>();
const byPerson = new Map<string, string[]>();
for (const c of story.customers) byPerson.set(c.profile.personKey, [...(byPerson.get(c.profile.personKey) ?? []), c.profile.customerId]);
for (const ids of byPerson.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) truth.add([ids[i], ids[j]].sort().join('|'));
const key = (a: string, b: string) => [a, b].sort().join('|');
const auto = res.autoMerge.pairs.map((p) => key(p.left, p.right));
const review = res.review.map((p) => key(p.left, p.right));
const tpA = auto.filter((k) => truth.has(k)).length; const tpR = review.filter((k) => truth.has(k)).length;
console.log('true pairs', truth.size, 'auto tp', tpA, 'auto fp', auto.length - tpA, 'review tp', tpR, 'review fp', review.length - tpR, 'recall(auto+review)', ((tpA + tpR) / truth.size).toFixed(3));
const missed = [...truth].filter((k) => !auto.includes(k) && !review.includes(k)).slice(0, 8);
const byId = new Map(story.customers.map((c) => [c.profile.customerId, c.profile]));
for (const k of missed) { const [a, b] = k.split('|').map((x) => byId.get(x)!); console.log('MISSED', a.givenName, a.familyName, a.phones.map((x) => x.number).join(','), a.birthDate, '|', b.givenName, b.familyName, b.phones.map((x) => x.number).join(','), b.birthDate, (b.corruptions.length ? b : a).corruptions.join(',')); }
for (const p of res.autoMerge.pairs.filter((p) => !truth.has(key(p.left, p.right))).slice(0, 5)) { const a = byId.get(p.left)!, b = byId.get(p.right)!; console.log('FP', a.givenName, a.familyName, a.householdKey, '|', b.givenName, b.familyName, b.householdKey, p.explanation.reason); }
const hh = groupHouseholds(profiles);
const planted = new Map<string, string[]>();
for (const c of story.customers) if (c.profile.householdKey && !c.profile.duplicateOf) planted.set(c.profile.householdKey, [...(planted.get(c.profile.householdKey) ?? []), c.profile.customerId]);
const multi = [...planted.values()].filter((m) => m.length > 1);
const found = multi.filter((m) => m.every((id) => hh.householdOf[id] && hh.householdOf[id] === hh.householdOf[m[0]])).length;
console.log('households planted', multi.length, 'found fully', found, 'engine households', hh.stats.households);
