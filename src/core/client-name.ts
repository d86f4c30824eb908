/**
 * When two client names are one client to a person: the same letters, whatever the case,
 * the spaces around them or the runs of spaces between words. The add-on matches clients
 * by exact name (so `Acme` never sees `Acme Labs`' rows); a new client may therefore not
 * take a name a person would read as one already in Credits.
 */

/** The name as a person compares it: Unicode-normalized, trimmed, single-spaced and lower case. */
export function clientNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether `a` and `b` name the same client to a person (`Acme` and ` acme `). */
export function sameClientName(a: string, b: string): boolean {
  return clientNameKey(a) === clientNameKey(b);
}
