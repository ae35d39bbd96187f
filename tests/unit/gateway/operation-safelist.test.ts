import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { operationId, readSafelist } from '../../../gateway/src/http/operation-safelist';

const write = (manifest: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'safelist-')), 'ops.json');
  fs.writeFileSync(file, JSON.stringify(manifest));
  return file;
};
const body = 'query A { __typename }';

describe('readSafelist', () => {
  it('returns the sha256 ids of the listed documents', () => {
    const file = write({
      format: 'c360-persisted-operations',
      version: 1,
      operations: [{ id: operationId(body), names: ['A'], body }],
    });
    // sha256 of the document text, as `printf %s "$body" | sha256sum` prints it.
    expect([...readSafelist(file)]).toEqual([
      'aed34f3aa3d67f4038584ed674dc16bc23504d6d65653dc605dd306aeb1fd56d',
    ]);
  });

  it('refuses a manifest whose id does not match its body (edited by hand)', () => {
    const file = write({
      format: 'c360-persisted-operations',
      version: 1,
      operations: [{ id: operationId(body), names: ['A'], body: `${body} ` }],
    });
    expect(() => readSafelist(file)).toThrow(/the id of A does not match its body/);
  });

  it('refuses a file of another format', () => {
    expect(() => readSafelist(write({ operations: [] }))).toThrow(/is not a persisted-operations manifest/);
  });
});
