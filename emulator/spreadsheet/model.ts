/**
 * The in-memory state behind the Spreadsheet facades: cells (value, formula, format, validation)
 * per sheet, protections, selection and charts. Facades read and change it; nothing here is counted.
 */
import type { Scalar } from './cell-parsing';

/** A data-validation rule as stored on a cell (immutable once built). */
export interface ValidationRule {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export interface Cell {
  value: Scalar | null;
  formula?: string;
  /** The number format set explicitly (setNumberFormat). */
  format?: string;
  /** The format Sheets picked from what was written (a typed date, a Date, a percentage). */
  autoFormat?: string;
  validation?: ValidationRule;
  note?: string;
}

/** A rectangle of cells, 1-based. */
export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionModel {
  readonly id: number;
  readonly type: 'RANGE' | 'SHEET';
  readonly sheet: SheetModel;
  /** The protected cells (the whole sheet for SHEET protections). */
  area: Area | null;
  description: string;
  warningOnly: boolean;
  /** Once editors have been removed, only `editors` (and the owner) may edit. */
  restricted: boolean;
  editors: Set<string>;
  domainEdit: boolean;
  unprotected: Area[];
}

export interface ChartModel {
  readonly id: number;
  type: string;
  ranges: unknown[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

function hasContent(cell: Cell | undefined): boolean {
  return !!cell && ((cell.value !== null && cell.value !== '') || !!cell.formula);
}

/** Copies an array of possibly-missing items, deleting and inserting entries at `at`. */
function spliceSparse<T>(items: (T | undefined)[], at: number, deleteCount: number, insertCount: number): (T | undefined)[] {
  const result = items.slice(0, at);
  for (let i = at + deleteCount; i < items.length; i += 1) result[i - deleteCount + insertCount] = items[i];
  return result;
}

/** Moves a 1-based span [start, start+length) after inserting or deleting `count` lines at `at`. */
function shiftSpan(start: number, length: number, at: number, count: number, insert: boolean): [number, number] | null {
  const end = start + length;
  if (insert) {
    if (at <= start) return [start + count, length];
    if (at < end) return [start, length + count];
    return [start, length];
  }
  const delEnd = at + count;
  const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
  if (overlap === length) return null;
  const newStart = start >= delEnd ? start - count : Math.min(start, at);
  return [newStart, length - overlap];
}

export class SheetModel {
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  charts: ChartModel[] = [];
  /** Widths in pixels set by setColumnWidth(s), by 0-based column; unset columns are 100 px wide. */
  columnWidths: (number | undefined)[] = [];
  /** rows[r][c] with 0-based indexes; missing rows and cells are empty. */
  private rows: (Cell | undefined)[][] = [];
  private extent: { rows: number; columns: number } | null = { rows: 0, columns: 0 };

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  get(row0: number, col0: number): Cell | undefined {
    return this.rows[row0]?.[col0];
  }

  /** The cell at (row0, col0), created if missing. Call noteChange after changing it. */
  cell(row0: number, col0: number): Cell {
    let line = this.rows[row0];
    if (!line) {
      line = [];
      this.rows[row0] = line;
    }
    let cell = line[col0];
    if (!cell) {
      cell = { value: null };
      line[col0] = cell;
    }
    return cell;
  }

  /**
   * Keeps the last-row/column cache right after a cell changed. An emptied cell can only
   * shrink the extent when it sat on its last row or column and that line is now empty;
   * dropping the cache on every empty write there made each appendRow with a blank cell
   * rescan the whole sheet (quadratic for row-by-row scripts on large sheets).
   */
  noteChange(row0: number, col0: number): void {
    if (!this.extent) return;
    if (hasContent(this.get(row0, col0))) {
      this.extent.rows = Math.max(this.extent.rows, row0 + 1);
      this.extent.columns = Math.max(this.extent.columns, col0 + 1);
    } else if ((row0 + 1 === this.extent.rows && !this.rowHasContent(row0)) || (col0 + 1 === this.extent.columns && !this.columnHasContent(col0))) {
      this.extent = null;
    }
  }

  private rowHasContent(row0: number): boolean {
    return this.rows[row0]?.some(hasContent) ?? false;
  }

  /** Scans from the top, where a header usually answers at once. */
  private columnHasContent(col0: number): boolean {
    return this.rows.some((line) => hasContent(line?.[col0]));
  }

  private measure(): { rows: number; columns: number } {
    if (!this.extent) {
      let rows = 0;
      let columns = 0;
      this.rows.forEach((line, r) => {
        line?.forEach((cell, c) => {
          if (hasContent(cell)) {
            rows = r + 1;
            columns = Math.max(columns, c + 1);
          }
        });
      });
      this.extent = { rows, columns };
    }
    return this.extent;
  }

  /** The last row with content (0 when the sheet is empty). */
  lastRow(): number {
    return this.measure().rows;
  }

  lastColumn(): number {
    return this.measure().columns;
  }

  insertRows(at0: number, count: number): void {
    if (at0 < this.rows.length) this.rows = spliceSparse(this.rows, at0, 0, count) as (Cell | undefined)[][];
    this.maxRows += count;
    if (this.extent && at0 < this.extent.rows) this.extent.rows += count;
  }

  deleteRows(at0: number, count: number): void {
    this.rows = spliceSparse(this.rows, at0, count, 0) as (Cell | undefined)[][];
    this.maxRows -= count;
    this.extent = null;
  }

  insertColumns(at0: number, count: number): void {
    this.rows = this.rows.map((line) => (line && at0 < line.length ? (spliceSparse(line, at0, 0, count) as (Cell | undefined)[]) : line));
    this.maxColumns += count;
    if (at0 < this.columnWidths.length) this.columnWidths = spliceSparse(this.columnWidths, at0, 0, count) as (number | undefined)[];
    if (this.extent && at0 < this.extent.columns) this.extent.columns += count;
  }

  deleteColumns(at0: number, count: number): void {
    this.rows = this.rows.map((line) => (line ? (spliceSparse(line, at0, count, 0) as (Cell | undefined)[]) : line));
    this.columnWidths = spliceSparse(this.columnWidths, at0, count, 0) as (number | undefined)[];
    this.maxColumns -= count;
    this.extent = null;
  }

  /** Applies clearCell to every existing cell of an area (1-based). */
  clearArea(area: Area, clearCell: (cell: Cell) => void): void {
    for (let r = area.row - 1; r < area.row - 1 + area.numRows; r += 1) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = area.column - 1; c < area.column - 1 + area.numColumns; c += 1) {
        const cell = line[c];
        if (cell) clearCell(cell);
      }
    }
    this.extent = null;
  }

  /** A deep copy with the same cells (for makeCopy / copyTo). */
  cloneAs(id: number, name: string): SheetModel {
    const copy = new SheetModel(id, name);
    copy.maxRows = this.maxRows;
    copy.maxColumns = this.maxColumns;
    copy.frozenRows = this.frozenRows;
    copy.frozenColumns = this.frozenColumns;
    copy.columnWidths = [...this.columnWidths];
    copy.rows = this.rows.map((line) => line?.map((cell) => (cell ? { ...cell } : cell)) as (Cell | undefined)[]);
    copy.extent = null;
    return copy;
  }
}

export interface Selection {
  sheet: SheetModel;
  areas: Area[];
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  activeSheet: SheetModel;
  selection: Selection | null = null;
  protections: ProtectionModel[] = [];
  namedRanges = new Map<string, { sheet: SheetModel; area: Area }>();
  locale = 'en_US';

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly owner: string,
    firstSheet: SheetModel,
  ) {
    this.sheets.push(firstSheet);
    this.activeSheet = firstSheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Keeps protections on the same cells after rows/columns were inserted or deleted. */
  shiftProtections(sheet: SheetModel, axis: 'rows' | 'columns', at: number, count: number, insert: boolean): void {
    this.protections = this.protections.filter((p) => {
      if (p.sheet !== sheet || !p.area || p.type === 'SHEET') return true;
      const area = p.area;
      const [start, length] = axis === 'rows' ? [area.row, area.numRows] : [area.column, area.numColumns];
      const moved = shiftSpan(start, length, at, count, insert);
      if (!moved) return false;
      if (axis === 'rows') p.area = { ...area, row: moved[0], numRows: moved[1] };
      else p.area = { ...area, column: moved[0], numColumns: moved[1] };
      return true;
    });
  }
}
