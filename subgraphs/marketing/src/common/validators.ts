import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { canonicalTimeZone } from '../../../../shared/time/time-zone';
import { jsonObjectProblem } from './json-object';

function simple(
  name: string,
  test: (value: unknown) => boolean,
  message: string | ((args: ValidationArguments) => string),
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

/** An IANA zone name Intl knows (`Europe/Budapest`); offsets like `+01:00` are refused (no DST rules). */
export const IsIanaTimeZone = (options?: ValidationOptions) =>
  simple(
    'isIanaTimeZone',
    (v) => typeof v === 'string' && canonicalTimeZone(v) !== null,
    'must be an IANA time zone such as Europe/Budapest',
    options,
  );

/** `HH:MM`, 24-hour clock. */
export const IsClockTime = (options?: ValidationOptions) =>
  simple(
    'isClockTime',
    (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    'must be a time of day as HH:MM (24-hour clock)',
    options,
  );

/** A BCP 47 language tag Intl accepts (`hu`, `hu-HU`, `fa-IR`, `zh-Hant-TW`). */
export const IsLanguageTag = (options?: ValidationOptions) =>
  simple(
    'isLanguageTag',
    (v) => {
      if (typeof v !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v)) return false;
      try {
        return Intl.getCanonicalLocales(v).length === 1;
      } catch {
        return false;
      }
    },
    'must be a BCP 47 language tag such as en or hu-HU',
    options,
  );

/** A calendar date (`YYYY-MM-DD`) that a living person can have been born on. */
export const IsPlausibleBirthDate = (options?: ValidationOptions) =>
  simple(
    'isPlausibleBirthDate',
    (v) => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
      if (typeof s !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(s)) return false;
      const d = new Date(`${s}T00:00:00Z`);
      // Date rolls 1980-02-30 over to March 1st: a date that does not read back as written is impossible.
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return false;
      return d.getUTCFullYear() >= 1900 && d.getTime() <= Date.now();
    },
    'must be a date between 1900-01-01 and today',
    options,
  );

/** A JSON object safe to store in MongoDB (no `$` / `.` keys, bounded size and depth). */
export const IsStorableJsonObject = (options?: ValidationOptions) =>
  simple(
    'isStorableJsonObject',
    (v) => jsonObjectProblem(v) === null,
    (args) => jsonObjectProblem(args.value) ?? '',
    options,
  );
