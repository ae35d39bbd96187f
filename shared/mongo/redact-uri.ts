/**
 * A MongoDB URI safe to log: the password (if any) becomes `****`. Works for `mongodb://` and
 * `mongodb+srv://`, multi-host seed lists included, without a URL parser that would reject them.
 */
export function redactMongoUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)([^@/]*)@/i, (_m, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon < 0 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:****@`;
  });
}

/** The host list of a MongoDB URI (no credentials, no path/options), for error messages. */
export function mongoUriHosts(uri: string): string {
  const m = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/i.exec(uri);
  return m ? m[1] : '(unparseable MongoDB URI)';
}
