/** double-metaphone@1 ships no types: the primary and the alternate code of a word. */
declare module 'double-metaphone' {
  function doubleMetaphone(value: string): [string, string];
  export = doubleMetaphone;
}
