import type { Document } from 'bson';
import { isPlainObject } from './bson-values';
import { CommandError, ErrorCode } from './errors';

/**
 * MongoDB collations (https://www.mongodb.com/docs/manual/reference/collation/) on ICU through
 * `Intl.Collator` (Node ships full ICU). What ICU cannot express through Intl — the quaternary level with
 * `alternate: "shifted"`, `maxVariable: "space"`, French `backwards` — is refused, never approximated.
 */

/** The locales MongoDB supports (manual, "Supported Languages and Locales"). */
const LOCALES = new Set(
  (
    'af sq am ar hy as az be bn bs bs_Cyrl bg my ca chr zh zh_Hant hr cs da nl dz en en_US en_US_POSIX eo et ee ' +
    'fo fil fi fi_FI fr fr_CA gl ka de de_AT el gu ha haw he hi hu is ig smn id ga it ja kl kn kk km kok ko ky lk ' +
    'lo lv li lt dsb lb mk ms ml mt mr mn ne se nb nn or om ps fa fa_AF pl pt pa ro ru sr sr_Latn si sk sl es sw ' +
    'sv ta te th bo to tr uk hsb ur ug vi wae cy yi yo zu'
  ).split(' '),
);

/** ICU collation keywords as MongoDB spells them (`zh@collation=pinyin`) → BCP 47 `-u-co-` values. */
const VARIANTS: Record<string, string> = {
  big5han: 'big5han',
  compat: 'compat',
  dictionary: 'dict',
  emoji: 'emoji',
  eor: 'eor',
  gb2312han: 'gb2312',
  phonebook: 'phonebk',
  pinyin: 'pinyin',
  reformed: 'reformed',
  search: 'search',
  standard: 'standard',
  stroke: 'stroke',
  traditional: 'trad',
  unihan: 'unihan',
  zhuyin: 'zhuyin',
};

const FIELDS = new Set([
  'locale',
  'caseLevel',
  'caseFirst',
  'strength',
  'numericOrdering',
  'alternate',
  'maxVariable',
  'normalization',
  'backwards',
  'version',
]);

export interface Collation {
  /** The spec as given (echoed in listIndexes/listCollections). */
  readonly spec: Document;
  /** The spec with a BCP 47 locale, for mingo's own $sort. */
  readonly mingoSpec: Document;
  /** Orders two strings under the collation (0: equal). */
  compare(a: string, b: string): number;
}

/** Parses a `collation` option; undefined for none or `{ locale: "simple" }` (binary comparison). */
export function parseCollation(raw: unknown): Collation | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw))
    throw new CommandError(
      ErrorCode.TypeMismatch,
      "BSON field 'collation' is the wrong type, expected object",
    );
  for (const key of Object.keys(raw))
    if (!FIELDS.has(key))
      throw new CommandError(ErrorCode.Location40415, `BSON field 'collation.${key}' is an unknown field.`);
  if (typeof raw.locale !== 'string')
    throw new CommandError(
      ErrorCode.Location40414,
      "BSON field 'collation.locale' is missing but a required field",
    );
  if (raw.locale === 'simple') {
    if (Object.keys(raw).length > 1)
      throw new CommandError(
        ErrorCode.BadValue,
        `If "locale" is set to "simple", then "${Object.keys(raw).find((k) => k !== 'locale')}" must not be set`,
      );
    return undefined;
  }
  const [base, keyword] = raw.locale.split('@');
  const variant = keyword?.startsWith('collation=')
    ? VARIANTS[keyword.slice('collation='.length)]
    : undefined;
  if (!LOCALES.has(base) || (keyword !== undefined && !variant))
    throw new CommandError(ErrorCode.BadValue, `Field 'locale' is invalid in: { locale: "${raw.locale}" }`);

  const strength = raw.strength === undefined ? 3 : Number(raw.strength);
  if (!Number.isInteger(strength) || strength < 1 || strength > 5)
    throw new CommandError(
      ErrorCode.BadValue,
      `Field 'strength' must be an integer 1 through 5. Got: ${String(raw.strength)}`,
    );
  const caseFirst = raw.caseFirst ?? 'off';
  if (!['upper', 'lower', 'off'].includes(String(caseFirst)))
    throw new CommandError(
      ErrorCode.FailedToParse,
      `Field 'caseFirst' must be 'upper', 'lower' or 'off'. Got: ${String(caseFirst)}`,
    );
  const alternate = raw.alternate ?? 'non-ignorable';
  if (!['non-ignorable', 'shifted'].includes(String(alternate)))
    throw new CommandError(
      ErrorCode.FailedToParse,
      `Field 'alternate' must be 'non-ignorable' or 'shifted'. Got: ${String(alternate)}`,
    );
  const unsupported =
    (strength === 4 && alternate === 'shifted' && 'strength 4 with alternate "shifted"') ||
    (raw.maxVariable === 'space' && alternate === 'shifted' && 'maxVariable "space"') ||
    (raw.backwards === true && 'backwards: true');
  if (unsupported)
    throw new CommandError(
      ErrorCode.CommandNotSupported,
      `collation ${unsupported} is not supported by the embedded server (Intl.Collator cannot express it)`,
    );

  const bcp47 = base.replace(/_/g, '-') + (variant ? `-u-co-${variant}` : '');
  const collator = new Intl.Collator(bcp47, {
    usage: 'sort',
    sensitivity:
      strength === 1 ? (raw.caseLevel === true ? 'case' : 'base') : strength === 2 ? 'accent' : 'variant',
    caseFirst: caseFirst === 'off' ? 'false' : (caseFirst as 'upper' | 'lower'),
    numeric: raw.numericOrdering === true,
    ignorePunctuation: alternate === 'shifted',
  });
  const identical = strength === 5;
  return {
    spec: raw,
    mingoSpec: { ...raw, locale: bcp47, strength: Math.min(strength, 3) },
    compare: (a, b) => {
      const c = collator.compare(a, b);
      // The identical level breaks remaining ties by code point.
      if (c !== 0 || !identical) return c;
      return a < b ? -1 : a > b ? 1 : 0;
    },
  };
}

/** Query operators the collated query context compares with the collation. */
const COLLATED_QUERY_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin']);
/** Stages whose results do not depend on string comparison beyond $match and $sort. */
const COLLATION_SAFE_STAGES = new Set(['$match', '$sort', '$skip', '$limit', '$count']);

/**
 * Refuses what the embedded server cannot evaluate under a collation (aggregation expressions, $group
 * keys, $all…) instead of silently comparing binary: a filter may use field paths, logical operators and
 * the comparison operators; a pipeline $match/$sort/$skip/$limit/$count and inclusion projections.
 */
export function assertCollationSupported(filter: unknown, pipeline?: Document[]): void {
  const refuse = (what: string) => {
    throw new CommandError(
      ErrorCode.CommandNotSupported,
      `${what} with a non-simple collation is not supported by the embedded server`,
    );
  };
  const visit = (f: unknown): void => {
    if (Array.isArray(f)) return f.forEach(visit);
    if (!isPlainObject(f)) return;
    for (const [k, v] of Object.entries(f)) {
      if (
        k.startsWith('$') &&
        !COLLATED_QUERY_OPERATORS.has(k) &&
        ![
          '$and',
          '$or',
          '$nor',
          '$not',
          '$elemMatch',
          '$exists',
          '$type',
          '$size',
          '$mod',
          '$regex',
          '$options',
        ].includes(k)
      )
        refuse(`query operator ${k}`);
      visit(v);
    }
  };
  visit(filter);
  for (const stage of pipeline ?? []) {
    const [name] = Object.keys(stage);
    const arg = stage[name];
    if (name === '$match') visit(arg);
    else if (name === '$group') {
      // A constant key and accumulators that compare nothing (countDocuments' $group) need no collation.
      const { _id, ...accumulators } = arg as Document;
      const constantKey = _id === null || typeof _id === 'number' || typeof _id === 'boolean';
      const comparesNothing = Object.values(accumulators).every(
        (acc) =>
          isPlainObject(acc) &&
          ['$sum', '$avg', '$count', '$first', '$last', '$push'].includes(Object.keys(acc)[0]),
      );
      if (!constantKey || !comparesNothing) refuse('stage $group');
    } else if (name === '$project' || name === '$unset') {
      const plain = (v: unknown) => v === 0 || v === 1 || v === true || v === false;
      if (name === '$project' && !Object.values(arg as Document).every(plain))
        refuse(`$project with expressions`);
    } else if (!COLLATION_SAFE_STAGES.has(name)) refuse(`stage ${name}`);
  }
}
