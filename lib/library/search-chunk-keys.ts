/**
 * How a search chunk stores its keys: one string, each key followed by KEY_END, rather than an
 * array of strings. Chromium reads 100 records of 1,000 keys each in 100–150 ms as strings
 * against 230–280 ms as arrays (a quiet 2-core machine, 100k keys): deserializing 100,000 small
 * strings is most of a read the popup's first keystroke waits for. Folding strips control
 * characters from every word, and the field markers are U+0001–U+0003, so no key holds KEY_END.
 */
const KEY_END = '\n';

export function packSearchKeys(keys: readonly string[]): string {
  return keys.length === 0 ? '' : keys.join(KEY_END) + KEY_END;
}

/** The keys of packed chunks, in order: `packed` may be several chunks' strings joined. */
export function unpackSearchKeys(packed: string): string[] {
  const keys = packed.split(KEY_END);
  keys.pop();
  return keys;
}
