import { ObjectId, type Document } from 'bson';
import { isPlainObject } from './bson-values';
import { CommandError, ErrorCode } from './errors';
import { compileQuery } from './mingo-runtime';

/**
 * Collection validators (https://www.mongodb.com/docs/manual/core/schema-validation/): a query filter,
 * `$jsonSchema` included, every inserted or updated document must match, with `validationLevel`
 * (strict / moderate / off) and `validationAction` (error / warn) and the per-command
 * `bypassDocumentValidation`. A failing write is DocumentValidationFailure (121) with `errInfo`.
 */

const LEVELS = ['off', 'strict', 'moderate'];
const ACTIONS = ['error', 'warn'];

interface Compiled {
  test(doc: Document): boolean;
  level: string;
  action: string;
  validator: Document;
}

const compiled = new WeakMap<Document, Compiled | null>();

/** Checks validator options as `create` / `collMod` receive them; returns the options to store. */
export function validationOptions(cmd: Document): Document {
  const out: Document = {};
  if (cmd.validator !== undefined) {
    if (!isPlainObject(cmd.validator))
      throw new CommandError(
        ErrorCode.TypeMismatch,
        "BSON field 'validator' is the wrong type, expected object",
      );
    compileQuery(cmd.validator); // a filter mongod could not parse is refused now, not at the first write
    out.validator = cmd.validator;
  }
  if (cmd.validationLevel !== undefined) {
    if (!LEVELS.includes(String(cmd.validationLevel)))
      throw new CommandError(
        ErrorCode.BadValue,
        `Enumeration value '${String(cmd.validationLevel)}' for field 'validationLevel' is not a valid value.`,
      );
    out.validationLevel = cmd.validationLevel;
  }
  if (cmd.validationAction !== undefined) {
    if (!ACTIONS.includes(String(cmd.validationAction)))
      throw new CommandError(
        ErrorCode.BadValue,
        `Enumeration value '${String(cmd.validationAction)}' for field 'validationAction' is not a valid value.`,
      );
    out.validationAction = cmd.validationAction;
  }
  return out;
}

function compile(options: Document): Compiled | null {
  let c = compiled.get(options);
  if (c !== undefined) return c;
  const validator = options.validator;
  const level = String(options.validationLevel ?? 'strict');
  if (!isPlainObject(validator) || Object.keys(validator).length === 0 || level === 'off') c = null;
  else {
    const query = compileQuery(validator);
    c = {
      test: (doc) => query.test(doc),
      level,
      action: String(options.validationAction ?? 'error'),
      validator,
    };
  }
  compiled.set(options, c);
  return c;
}

/**
 * Throws DocumentValidationFailure when `doc` (with its `_id`) breaks the collection's validator.
 * `before` is the stored version an update replaces: under `moderate`, documents that already broke the
 * rules may keep doing so.
 */
export function validateDocument(
  options: Document,
  doc: Document,
  before: Document | undefined,
  bypass: boolean,
): void {
  const v = compile(options);
  if (!v || bypass) return;
  if (v.level === 'moderate' && before && !v.test(before)) return;
  if (v.test(doc) || v.action === 'warn') return;
  throw new CommandError(ErrorCode.DocumentValidationFailure, 'Document failed validation', {
    errInfo: {
      failingDocumentId: doc._id,
      details: {
        operatorName: Object.keys(v.validator).length === 1 ? Object.keys(v.validator)[0] : '$and',
        specifiedAs: v.validator,
        reason: 'the document does not match the collection validator',
      },
    },
  });
}

/** An `_id` for a document about to be inserted (validation reports it as `failingDocumentId`). */
export function withId(doc: Document): Document {
  return doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc;
}
