/**
 * The IDs the add-on gives rows and files: a prefix (`E` for an entry, `L` for a log row,
 * `F` for a file being created), a random part drawn once per operation and a counter,
 * e.g. `L-3F9A0C12B40001`. One random draw per operation keeps Apps Script calls flat
 * however many rows an operation writes.
 */

/** IDs for one operation: `uuid` is called once, on the first ID; the counter makes the rest unique. */
export function idSequence(uuid: () => string): (prefix: string) => string {
  let base = '';
  let counter = 0;
  return (prefix) => {
    base ||= uuid().replace(/-/g, '').slice(0, 10).toUpperCase();
    counter++;
    return `${prefix}-${base}${counter.toString(16).toUpperCase().padStart(4, '0')}`;
  };
}

/** One ID in the same format, for callers that need a single one. */
export function shortId(prefix: string, uuid: string): string {
  return idSequence(() => uuid)(prefix);
}
