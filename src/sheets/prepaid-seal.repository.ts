/**
 * The hidden `Prepaid seal` sheet: a copy of every log row as the add-on sealed it, so
 * that after a hand edit the sidebar can say what a row said ("Hours was -1.00") and
 * Restore can put it back, even a row deleted by hand. Column A holds the Log ID and
 * column B the row's fields as JSON; the add-on alone writes it, so its layout is fixed.
 * Every operation reads only its last row (to notice rows removed from the end of the
 * log); the whole copy is read only when the chain is broken.
 */
import type { SealMark } from '../core/seal';
import type { LogRow } from '../core/types';
import { asText } from './cell-text';
import { PREPAID_SEAL } from './schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function toJson(r: LogRow): string {
  return JSON.stringify([
    r.logId,
    r.at,
    r.client,
    r.kind,
    r.minutes,
    r.balanceAfterMinutes,
    r.entryId,
    r.description,
    r.by,
    r.reference,
    r.rawMinutes,
    r.person,
    r.workDate,
    r.checksum,
  ]);
}

/** A row of the sealed copy as header -> value (for workbooks built outside the add-on, like the benchmark's). */
export function sealRecord(row: LogRow): Record<string, unknown> {
  return { 'Log ID': asText(row.logId), 'Sealed row': toJson(row) };
}

function fromJson(cell: unknown): LogRow | null {
  try {
    const f = JSON.parse(String(cell)) as unknown[];
    if (!Array.isArray(f) || f.length !== 14) return null;
    const [logId, at, client, kind, minutes, balanceAfterMinutes, entryId, description, by, reference, rawMinutes, person, workDate, checksum] = f;
    return {
      logId,
      at,
      client,
      kind,
      minutes,
      balanceAfterMinutes,
      entryId,
      description,
      by,
      reference,
      rawMinutes,
      person,
      workDate,
      checksum,
    } as LogRow;
  } catch {
    return null;
  }
}

function sheetOf(spreadsheet: Spreadsheet): Sheet | null {
  return spreadsheet.getSheetByName(PREPAID_SEAL.name);
}

/** The last row the add-on sealed, or null when the copy is empty or missing. */
export function lastSealed(spreadsheet: Spreadsheet): SealMark | null {
  const sheet = sheetOf(spreadsheet);
  const last = sheet ? sheet.getLastRow() : 0;
  if (!sheet || last < 2) return null;
  const row = fromJson(sheet.getRange(last, 2).getValue());
  return row ? { logId: row.logId, checksum: row.checksum, at: row.at } : null;
}

/** The whole sealed copy, up to its first unreadable row. */
export function readSealedCopy(spreadsheet: Spreadsheet): LogRow[] {
  const sheet = sheetOf(spreadsheet);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const out: LogRow[] = [];
  for (const [, json] of sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues()) {
    const row = fromJson(json);
    if (!row) break;
    out.push(row);
  }
  return out;
}

/**
 * Brings the copy up to `log`, which the chain vouches for: appends the rows after
 * `mark` when the copy ends on a row of the log (one block), else rewrites it whole.
 * Returns the new mark. Does nothing when the sheet is missing (Set up sheets adds it).
 */
export function syncSealedCopy(spreadsheet: Spreadsheet, log: readonly LogRow[], mark: SealMark | null): SealMark | null {
  const sheet = sheetOf(spreadsheet);
  if (!sheet) return mark;
  const at = mark ? log.findIndex((r) => r.logId === mark.logId && r.checksum === mark.checksum) : -1;
  const fresh = at >= 0 || (!mark && sheet.getLastRow() < 2);
  const rows = fresh ? log.slice(at + 1) : log;
  const start = fresh ? sheet.getLastRow() + 1 : 2;
  const stale = fresh ? 0 : Math.max(sheet.getLastRow() - 1 - rows.length, 0);
  const block = [...rows.map((r) => Object.values(sealRecord(r))), ...Array.from({ length: stale }, () => ['', ''])];
  if (block.length) {
    const needed = start + block.length - 1 - sheet.getMaxRows();
    if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
    sheet.getRange(start, 1, block.length, 2).setValues(block);
  }
  const last = log[log.length - 1];
  return last ? { logId: last.logId, checksum: last.checksum, at: last.at } : null;
}
