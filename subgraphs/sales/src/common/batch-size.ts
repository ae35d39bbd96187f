/**
 * Cursor batch size for batched loads: all results in the first reply. The drivers' default (101 rows)
 * would add a `getMore` round trip per extra batch, so 100 customers would cost more commands than 10.
 * Result sets here are bounded by the keys of one request; the server still caps a reply at 16 MB.
 */
export const ONE_REPLY_BATCH = 100_000;
