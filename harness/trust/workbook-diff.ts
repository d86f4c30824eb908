/**
 * What an operation changed in the agency workbook, cell by cell, with columns matched by
 * header (as the add-on matches them) so inserted or added columns do not shift the
 * comparison. A column whose header occurs twice is told apart by its occurrence.
 */

/** Sheet name -> rows of values, as `emu.snapshot()` gives them (row 0 is the header). */
export type Grid = Record<string, unknown[][]>;

export interface CellChange {
  sheet: string;
  /** 0-based data row (the header row is not counted). */
  row: number;
  column: string;
  before: unknown;
  after: unknown;
  /** The row before the change, by column, for policies that look at the rest of the row. */
  rowBefore: Record<string, unknown>;
}

export interface WorkbookDiff {
  sheetsAdded: string[];
  sheetsRemoved: string[];
  /** Header keys that disappeared or appeared, per sheet. */
  headersRemoved: { sheet: string; column: string }[];
  headersAdded: { sheet: string; column: string; values: unknown[] }[];
  cells: CellChange[];
  rowsAppended: { sheet: string; rows: Record<string, unknown>[] }[];
  rowsRemoved: { sheet: string; rows: Record<string, unknown>[] }[];
}

/** Header keys of a sheet: the normalized header text, with `#2`, `#3`… for repeats; '' headers are `(no header)`. */
export function headerKeys(header: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h) => {
    const name =
      String(h ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .toLowerCase() || '(no header)';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

function records(values: readonly unknown[][]): { keys: string[]; rows: Record<string, unknown>[] } {
  const [header = [], ...rows] = values;
  const keys = headerKeys(header);
  return { keys, rows: rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? '']))) };
}

const isBlankRecord = (r: Record<string, unknown>) => Object.values(r).every((v) => v === '' || v === null);

export function diffWorkbooks(before: Grid, after: Grid): WorkbookDiff {
  const diff: WorkbookDiff = { sheetsAdded: [], sheetsRemoved: [], headersRemoved: [], headersAdded: [], cells: [], rowsAppended: [], rowsRemoved: [] };
  for (const sheet of Object.keys(before)) if (!(sheet in after)) diff.sheetsRemoved.push(sheet);
  for (const sheet of Object.keys(after)) if (!(sheet in before)) diff.sheetsAdded.push(sheet);
  for (const sheet of Object.keys(before).filter((s) => s in after)) {
    const b = records(before[sheet]);
    const a = records(after[sheet]);
    for (const key of b.keys.filter((k) => !a.keys.includes(k))) diff.headersRemoved.push({ sheet, column: key });
    for (const key of a.keys.filter((k) => !b.keys.includes(k)))
      diff.headersAdded.push({ sheet, column: key, values: a.rows.slice(0, b.rows.length).map((r) => r[key]) });
    const common = b.keys.filter((k) => a.keys.includes(k));
    const shared = Math.min(b.rows.length, a.rows.length);
    for (let row = 0; row < shared; row++) {
      for (const key of common) {
        const was = b.rows[row][key];
        const is = a.rows[row][key];
        if (JSON.stringify(was) !== JSON.stringify(is)) diff.cells.push({ sheet, row, column: key, before: was, after: is, rowBefore: b.rows[row] });
      }
    }
    const appended = a.rows.slice(shared).filter((r) => !isBlankRecord(r));
    const removed = b.rows.slice(shared).filter((r) => !isBlankRecord(r));
    if (appended.length) diff.rowsAppended.push({ sheet, rows: appended });
    if (removed.length) diff.rowsRemoved.push({ sheet, rows: removed });
  }
  return diff;
}
