/**
 * Tamper evidence for the prepaid log. Each row carries a short checksum of its own
 * content chained to the previous row's, so an edit, insertion or deletion by hand breaks
 * the chain from that row on. FNV-1a is not a cryptographic hash: it guards against
 * accidents and casual edits, which is what a shared spreadsheet needs.
 */
import type { LogRow } from './types';

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The checksum of a row given the previous row's checksum ('' for the first row). */
export function rowChecksum(row: Omit<LogRow, 'checksum'>, previous: string): string {
  const fields = [
    previous,
    row.logId,
    Math.floor(row.at / 1000),
    row.client,
    row.kind,
    row.minutes,
    row.balanceAfterMinutes,
    row.entryId,
    row.description,
    row.by,
    row.reference,
    row.rawMinutes ?? '',
    row.person,
    row.workDate === null ? '' : Math.floor(row.workDate / 1000),
  ];
  return fnv1a(fields.join('\u001f'));
}
