/**
 * A sheet read once and written in blocks. `SheetTable.read` takes the whole data range
 * with one `getValues` and maps columns by header; writes go out as one `setValues` per
 * contiguous run of columns, and appends as one block after growing the sheet if needed.
 * Nothing here writes a cell at a time.
 */
import { CodedError } from '../core/result';
import { asText } from './cell-text';
import { normalizeHeader, type SheetSchema } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The workbook's layout is not what an operation needs; the message says how to fix it. */
export class SchemaError extends CodedError {
  constructor(message: string) {
    super('schema', message);
    this.name = 'SchemaError';
  }
}

export interface CellUpdate {
  /** Index into `rows` (0 = first data row). */
  index: number;
  header: string;
  value: unknown;
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null);
}

export class SheetTable {
  private readonly spelled = new Map<string, number | undefined>();

  private constructor(
    readonly schema: SheetSchema,
    readonly sheet: Sheet,
    private readonly columns: Map<string, number>,
    /** The header row as read, for copying this sheet's layout elsewhere. */
    readonly headerRow: unknown[],
    readonly width: number,
    /** Data rows below the header, blank rows included so indexes match sheet rows. */
    readonly rows: unknown[][],
  ) {}

  /** Reads the sheet with one getValues; throws a SchemaError naming what is missing. */
  static read(spreadsheet: Spreadsheet, schema: SheetSchema): SheetTable {
    const sheet = spreadsheet.getSheetByName(schema.name);
    if (!sheet) throw new SchemaError(`The workbook has no "${schema.name}" sheet. Run Extensions > Prepaid Time > Set up sheets to create it.`);
    const values = sheet.getDataRange().getValues();
    const headers = values[0] ?? [];
    const columns = new Map<string, number>();
    headers.forEach((header, i) => {
      const key = normalizeHeader(header);
      if (!key) return;
      if (columns.has(key) && schema.columns.some((c) => normalizeHeader(c.header) === key)) {
        throw new SchemaError(`The "${schema.name}" sheet has two "${String(header).trim()}" columns. Rename or delete one of them.`);
      }
      if (!columns.has(key)) columns.set(key, i);
    });
    const missing = schema.columns.filter((c) => c.required && !columns.has(normalizeHeader(c.header))).map((c) => `"${c.header}"`);
    if (missing.length) {
      throw new SchemaError(`The "${schema.name}" sheet has no ${missing.join(', ')} column. Restore the header in row 1, or run Set up sheets to add it.`);
    }
    return new SheetTable(schema, sheet, columns, headers, Math.max(headers.length, 1), values.slice(1));
  }

  has(header: string): boolean {
    return this.columns.has(normalizeHeader(header));
  }

  private column(header: string): number {
    const index = this.columns.get(normalizeHeader(header));
    if (index === undefined) throw new SchemaError(`The "${this.schema.name}" sheet has no "${header}" column.`);
    return index;
  }

  /** The cell under `header` in data row `index`, or '' when the optional column is absent. */
  get(index: number, header: string): unknown {
    const column = this.columnOf(header);
    return column === undefined ? '' : this.rows[index][column];
  }

  /** The column of a header as the caller spells it, looked up once (get runs per cell). */
  private columnOf(header: string): number | undefined {
    if (!this.spelled.has(header)) this.spelled.set(header, this.columns.get(normalizeHeader(header)));
    return this.spelled.get(header);
  }

  /** The sheet row number of data row `index`. */
  rowNumber(index: number): number {
    return index + 2;
  }

  /** Indexes of the rows that hold anything. */
  nonBlankIndexes(): number[] {
    const out: number[] = [];
    this.rows.forEach((row, i) => {
      if (!isBlankRow(row)) out.push(i);
    });
    return out;
  }

  /**
   * Writes cell updates: one setValues per contiguous run of touched columns, over the
   * rows from the first to the last touched one. Untouched cells inside a block keep the
   * values read at the start of the operation.
   */
  write(updates: readonly CellUpdate[]): void {
    if (updates.length === 0) return;
    for (const u of updates) this.rows[u.index][this.column(u.header)] = u.value;
    const touched = [...new Set(updates.map((u) => this.column(u.header)))].sort((a, b) => a - b);
    const first = Math.min(...updates.map((u) => u.index));
    const last = Math.max(...updates.map((u) => u.index));
    let start = 0;
    while (start < touched.length) {
      let end = start;
      while (end + 1 < touched.length && touched[end + 1] === touched[end] + 1) end++;
      const fromCol = touched[start];
      const width = touched[end] - fromCol + 1;
      const block = this.rows.slice(first, last + 1).map((row) => row.slice(fromCol, fromCol + width));
      this.sheet.getRange(this.rowNumber(first), fromCol + 1, block.length, width).setValues(block);
      start = end + 1;
    }
  }

  /**
   * Replaces all data rows with `records` in one setValues, blanking rows the new content
   * no longer reaches, so a stop can never leave old and new rows side by side. A record
   * may come with the row it replaces (`bases[i]`, as read), whose other cells, the user's
   * own columns among them, it keeps.
   */
  rewrite(records: readonly Record<string, unknown>[], bases: readonly (readonly unknown[] | undefined)[] = []): void {
    const height = Math.max(records.length, this.rows.length);
    if (height === 0) return;
    const block = Array.from({ length: height }, (_, i) => (i < records.length ? this.toRow(records[i], bases[i]) : new Array(this.width).fill('')));
    this.sheet.getRange(2, 1, height, this.width).setValues(block);
    this.rows.splice(0, this.rows.length, ...block.slice(0, records.length));
    // The rows left over are blank now; deleting them frees their cells (a stop before this
    // changes nothing). Sheets refuses to delete every unfrozen row, so one may stay.
    const removable = Math.min(height - records.length, this.sheet.getMaxRows() - 2 - records.length);
    if (removable > 0) this.sheet.deleteRows(2 + records.length, removable);
  }

  /** Deletes data rows by index, one call per contiguous run, from the bottom up. */
  deleteRows(indexes: readonly number[]): void {
    const sorted = [...new Set(indexes)].sort((a, b) => b - a);
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] - 1) j++;
      const top = sorted[j];
      this.sheet.deleteRows(this.rowNumber(top), i === j ? 1 : j - i + 1);
      this.rows.splice(top, j - i + 1);
      i = j + 1;
    }
  }

  /** A row of cells for a record, over a copy of `base` (strings kept as text) or over blanks. */
  private toRow(record: Record<string, unknown>, base?: readonly unknown[]): unknown[] {
    const row: unknown[] = Array.from({ length: this.width }, (_, i) => {
      const kept = base?.[i] ?? '';
      return typeof kept === 'string' ? asText(kept) : kept;
    });
    for (const [header, value] of Object.entries(record)) {
      const column = this.columns.get(normalizeHeader(header));
      if (column !== undefined) row[column] = value;
    }
    return row;
  }

  /**
   * Appends records (header -> value) below the last row in one setValues, growing the
   * sheet first when the block would pass its last row. Columns the record does not
   * name, including users' own, are left empty.
   */
  append(records: readonly Record<string, unknown>[]): void {
    if (records.length === 0) return;
    const block = records.map((record) => this.toRow(record));
    const startRow = this.sheet.getLastRow() + 1;
    const needed = startRow + block.length - 1 - this.sheet.getMaxRows();
    if (needed > 0) this.sheet.insertRowsAfter(this.sheet.getMaxRows(), needed);
    this.sheet.getRange(startRow, 1, block.length, this.width).setValues(block);
    for (const row of block) this.rows.push(row);
  }
}
