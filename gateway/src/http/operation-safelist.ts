import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../shared/errors/error-codes';

/** Written by `npm run codegen` from the operation documents clients in this repo ship. */
export const DEFAULT_SAFELIST_PATH = path.resolve(__dirname, '../../persisted-operations.json');

export interface PersistedOperation {
  /** sha256 (hex) of the document text, as automatic persisted queries hash it. */
  id: string;
  /** The operations the document defines. */
  names: string[];
  body: string;
}

export interface SafelistManifest {
  format: 'c360-persisted-operations';
  version: 1;
  operations: PersistedOperation[];
}

export const operationId = (body: string) => createHash('sha256').update(body).digest('hex');

export function readSafelist(file = DEFAULT_SAFELIST_PATH): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as SafelistManifest;
  if (manifest.format !== 'c360-persisted-operations' || manifest.version !== 1)
    throw new Error(`${file} is not a persisted-operations manifest (version 1)`);
  for (const op of manifest.operations) {
    if (operationId(op.body) !== op.id)
      throw new Error(`${file}: the id of ${op.names.join(', ')} does not match its body`);
  }
  return new Set(manifest.operations.map((op) => op.id));
}

/**
 * With OPERATION_SAFELIST=enforce the gateway runs only documents whose sha256 is in the manifest —
 * sent in full or by hash (automatic persisted queries) — and refuses anything else with HTTP 400
 * PERSISTED_QUERY_NOT_IN_LIST (Apollo Router's code for the same rule) once the document is parsed and
 * validated, before any subgraph is called.
 */
export function safelistPlugin<TContext extends object>(
  allowed: ReadonlySet<string>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        // Errors thrown here reach the client with their http status (didResolveSource would turn them into
        // a 500); parsing and validation are cheap next to calling any subgraph.
        async didResolveOperation({ queryHash }) {
          if (allowed.has(queryHash)) return;
          throw new GraphQLError("This operation is not in the gateway's list of persisted operations.", {
            extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, http: { status: 400 } },
          });
        },
      };
    },
  };
}
