/**
 * Range and RangeList: reading and writing cell values, formulas, number formats, validations and
 * checkboxes with Apps Script's types, errors and dimension checks.
 */
import { addChainableNoOps, addConstantGetters, GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import { toA1 } from './a1-notation';
import { displayCell, numberFormatOf, readCell, writeCell } from './cell-values';
import { CHECKBOX, checkboxRule, checkboxStates, DataValidation } from './data-validation';
import type { Area, Cell, SheetModel, SpreadsheetModel, ValidationRule } from './model';
import { assertCanEdit, protect, type Protection } from './protection';
import { checkArea, sheetFacade, type Sheet } from './sheet';

/** Creates the facade of a range whose area has already been checked. */
export function makeRange(rt: Runtime, ss: SpreadsheetModel, sheet: SheetModel, area: Area): Range {
  return new Range(rt, ss, sheet, { ...area });
}

function assertGrid(data: unknown, area: Area): unknown[][] {
  if (!Array.isArray(data)) throw new Error("The parameters (String) don't match the method signature.");
  if (data.length !== area.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${area.numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw new Error("The parameters (number[]) don't match the method signature.");
    if (row.length !== area.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${area.numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase());
}

/** Sort order of Sheets: numbers (and dates), then text, then booleans, empty cells last. */
function sortRank(cell: Cell | undefined): number {
  const v = cell?.value;
  if (v === null || v === undefined || v === '') return 3;
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const ra = sortRank(a);
  const rb = sortRank(b);
  if (ra !== rb || ra === 3) return ra - rb;
  const va = a!.value!;
  const vb = b!.value!;
  if (typeof va === 'string' && typeof vb === 'string') return va.localeCompare(vb, 'en', { sensitivity: 'base' });
  return Number(va) - Number(vb);
}

type SortSpec = number | { column: number; ascending?: boolean };

const RANGE_WRITES = new Set([
  'setValue',
  'setValues',
  'setFormula',
  'setFormulas',
  'setNumberFormat',
  'setNumberFormats',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'insertCheckboxes',
  'removeCheckboxes',
  'check',
  'uncheck',
  'clear',
  'clearContent',
  'clearFormat',
  'clearNote',
  'setNote',
  'setNotes',
  'protect',
  'sort',
]);

export class Range extends GasObject {
  constructor(
    rt: Runtime,
    readonly _ss: SpreadsheetModel,
    readonly _sheet: SheetModel,
    readonly _area: Area,
  ) {
    super(rt, 'Range', RANGE_WRITES);
  }

  /** Calls fn with each cell (created when `create`), in row-major order, with 0-based offsets. */
  private forEachCell(create: boolean, fn: (cell: Cell | undefined, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this._area;
    const sheet = this._sheet;
    for (let r = 0; r < numRows; r += 1) {
      for (let c = 0; c < numColumns; c += 1) {
        const cell = create ? sheet.cell(row - 1 + r, column - 1 + c) : sheet.get(row - 1 + r, column - 1 + c);
        fn(cell, r, c);
        if (create) sheet.noteChange(row - 1 + r, column - 1 + c);
      }
    }
  }

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    const { row, column, numRows, numColumns } = this._area;
    const sheet = this._sheet;
    for (let r = 0; r < numRows; r += 1) {
      const line: T[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c += 1) line[c] = read(sheet.get(row - 1 + r, column - 1 + c));
      out.push(line);
    }
    return out;
  }

  private cellCount(): number {
    return this._area.numRows * this._area.numColumns;
  }

  private assertEditable(): void {
    assertCanEdit(this._ss, this._sheet, this._area, this.rt.user);
  }

  private topLeft(): Cell | undefined {
    return this._sheet.get(this._area.row - 1, this._area.column - 1);
  }

  getRow(): number {
    return this._area.row;
  }

  getRowIndex(): number {
    return this._area.row;
  }

  getColumn(): number {
    return this._area.column;
  }

  getNumRows(): number {
    return this._area.numRows;
  }

  getNumColumns(): number {
    return this._area.numColumns;
  }

  getHeight(): number {
    return this._area.numRows;
  }

  getWidth(): number {
    return this._area.numColumns;
  }

  getLastRow(): number {
    return this._area.row + this._area.numRows - 1;
  }

  getLastColumn(): number {
    return this._area.column + this._area.numColumns - 1;
  }

  getA1Notation(): string {
    return toA1(this._area);
  }

  getSheet(): Sheet {
    return sheetFacade(this.rt, this._ss, this._sheet);
  }

  getGridId(): number {
    return this._sheet.id;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const area = checkArea(
      this._sheet,
      this._area.row + rowOffset,
      this._area.column + columnOffset,
      numRows ?? this._area.numRows,
      numColumns ?? this._area.numColumns,
    );
    return makeRange(this.rt, this._ss, this._sheet, area);
  }

  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._area.numRows || column > this._area.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return makeRange(this.rt, this._ss, this._sheet, { row: this._area.row + row - 1, column: this._area.column + column - 1, numRows: 1, numColumns: 1 });
  }

  activate(): Range {
    this._ss.activeSheet = this._sheet;
    this._ss.selection = { sheet: this._sheet, areas: [{ ...this._area }] };
    return this;
  }

  isBlank(): boolean {
    let blank = true;
    this.forEachCell(false, (cell) => {
      if (cell && (cell.value !== null || cell.formula)) blank = false;
    });
    return blank;
  }

  getValues(): unknown[][] {
    const tz = this._ss.timeZone;
    const DateClass = this.rt.Date;
    this.rt.calls.cellsRead += this.cellCount();
    return this.grid((cell) => readCell(cell, tz, DateClass));
  }

  getValue(): unknown {
    this.rt.calls.cellsRead += 1;
    return readCell(this.topLeft(), this._ss.timeZone, this.rt.Date);
  }

  getDisplayValues(): string[][] {
    this.rt.calls.cellsRead += this.cellCount();
    return this.grid(displayCell);
  }

  getDisplayValue(): string {
    this.rt.calls.cellsRead += 1;
    return displayCell(this.topLeft());
  }

  getFormulas(): string[][] {
    this.rt.calls.cellsRead += this.cellCount();
    return this.grid((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    this.rt.calls.cellsRead += 1;
    return this.topLeft()?.formula ?? '';
  }

  setValues(values: unknown[][]): Range {
    const grid = assertGrid(values, this._area);
    this.assertEditable();
    const tz = this._ss.timeZone;
    this.forEachCell(true, (cell, r, c) => writeCell(cell!, grid[r][c], tz));
    this.rt.calls.cellsWritten += this.cellCount();
    return this;
  }

  setValue(value: unknown): Range {
    this.assertEditable();
    const tz = this._ss.timeZone;
    this.forEachCell(true, (cell) => writeCell(cell!, value, tz));
    this.rt.calls.cellsWritten += this.cellCount();
    return this;
  }

  setFormulas(formulas: string[][]): Range {
    const grid = assertGrid(formulas, this._area);
    this.assertEditable();
    this.forEachCell(true, (cell, r, c) => this.storeFormula(cell!, grid[r][c]));
    this.rt.calls.cellsWritten += this.cellCount();
    return this;
  }

  setFormula(formula: string): Range {
    this.assertEditable();
    this.forEachCell(true, (cell) => this.storeFormula(cell!, formula));
    this.rt.calls.cellsWritten += this.cellCount();
    return this;
  }

  private storeFormula(cell: Cell, formula: unknown): void {
    const text = String(formula ?? '');
    if (text === '') {
      writeCell(cell, null, this._ss.timeZone);
      return;
    }
    cell.value = null;
    cell.autoFormat = undefined;
    cell.formula = text.startsWith('=') ? text : `=${text}`;
  }

  getNumberFormat(): string {
    return numberFormatOf(this.topLeft());
  }

  getNumberFormats(): string[][] {
    return this.grid(numberFormatOf);
  }

  setNumberFormat(format: string): Range {
    this.assertEditable();
    this.forEachCell(true, (cell) => {
      cell!.format = String(format);
    });
    return this;
  }

  setNumberFormats(formats: string[][]): Range {
    const grid = assertGrid(formats, this._area);
    this.assertEditable();
    this.forEachCell(true, (cell, r, c) => {
      cell!.format = String(grid[r][c]);
    });
    return this;
  }

  getDataValidation(): DataValidation | null {
    const rule = this.topLeft()?.validation;
    return rule ? new DataValidation(this.rt, rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.grid((cell) => (cell?.validation ? new DataValidation(this.rt, cell.validation) : null));
  }

  setDataValidation(rule: DataValidation | null): Range {
    this.assertEditable();
    const stored = rule ? rule._rule : undefined;
    this.forEachCell(true, (cell) => {
      cell!.validation = stored;
    });
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): Range {
    const grid = assertGrid(rules, this._area) as (DataValidation | null)[][];
    this.assertEditable();
    this.forEachCell(true, (cell, r, c) => {
      cell!.validation = grid[r][c]?._rule;
    });
    return this;
  }

  clearDataValidations(): Range {
    this.assertEditable();
    this.forEachCell(false, (cell) => {
      if (cell) cell.validation = undefined;
    });
    return this;
  }

  /** Sets checkbox validation on every cell and sets each cell to its unchecked value. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    this.assertEditable();
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule = checkboxRule(values);
    const unchecked = checkboxStates(rule)[1];
    const tz = this._ss.timeZone;
    this.forEachCell(true, (cell) => {
      cell!.validation = rule;
      writeCell(cell!, unchecked, tz);
    });
    this.rt.calls.cellsWritten += this.cellCount();
    return this;
  }

  removeCheckboxes(): Range {
    this.assertEditable();
    this.forEachCell(true, (cell) => {
      const rule = cell!.validation;
      if (rule?.criteria !== CHECKBOX) return;
      const [checked, unchecked] = checkboxStates(rule);
      if (sameValue(cell!.value, checked) || sameValue(cell!.value, unchecked)) cell!.value = null;
      cell!.validation = undefined;
    });
    return this;
  }

  private setCheckboxes(state: 0 | 1): Range {
    this.assertEditable();
    const tz = this._ss.timeZone;
    this.forEachCell(true, (cell) => {
      const rule = cell!.validation;
      if (rule?.criteria !== CHECKBOX) return;
      const states = checkboxStates(rule);
      const current = cell!.value ?? '';
      if (!states.some((s) => sameValue(current, s))) return;
      writeCell(cell!, states[state], tz);
    });
    return this;
  }

  check(): Range {
    return this.setCheckboxes(0);
  }

  uncheck(): Range {
    return this.setCheckboxes(1);
  }

  /** true if every cell is a checked checkbox, false if all unchecked, null otherwise. */
  isChecked(): boolean | null {
    let checked = 0;
    let unchecked = 0;
    let other = 0;
    this.forEachCell(false, (cell) => {
      const rule: ValidationRule | undefined = cell?.validation;
      if (rule?.criteria !== CHECKBOX) {
        other += 1;
        return;
      }
      if (sameValue(cell!.value, checkboxStates(rule)[0])) checked += 1;
      else unchecked += 1;
    });
    if (other > 0 || (checked > 0 && unchecked > 0)) return null;
    return checked > 0;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): Range {
    this.assertEditable();
    const only = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    this._sheet.clearArea(this._area, (cell) => {
      if (!only || options.contentsOnly) {
        cell.value = null;
        cell.formula = undefined;
        cell.autoFormat = undefined;
      }
      if (!only || options.formatOnly) {
        cell.format = undefined;
        cell.autoFormat = undefined;
      }
      if (only && options.validationsOnly) cell.validation = undefined;
      if (only && options.commentsOnly) cell.note = undefined;
    });
    return this;
  }

  clearContent(): Range {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): Range {
    return this.clear({ formatOnly: true });
  }

  clearNote(): Range {
    return this.clear({ commentsOnly: true });
  }

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }

  setNote(note: string | null): Range {
    this.forEachCell(true, (cell) => {
      cell!.note = note ? String(note) : undefined;
    });
    return this;
  }

  setNotes(notes: (string | null)[][]): Range {
    const grid = assertGrid(notes, this._area);
    this.forEachCell(true, (cell, r, c) => {
      cell!.note = grid[r][c] ? String(grid[r][c]) : undefined;
    });
    return this;
  }

  protect(): Protection {
    return protect(this.rt, this._ss, this._sheet, { ...this._area });
  }

  /** Sorts the rows of the range by one or more columns (absolute column numbers). */
  sort(spec: SortSpec | SortSpec[]): Range {
    this.assertEditable();
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false },
    );
    const { row, column, numRows, numColumns } = this._area;
    const lines: (Cell | undefined)[][] = [];
    for (let r = 0; r < numRows; r += 1) {
      const line: (Cell | undefined)[] = [];
      for (let c = 0; c < numColumns; c += 1) {
        const cell = this._sheet.get(row - 1 + r, column - 1 + c);
        line.push(cell ? { ...cell } : undefined);
      }
      lines.push(line);
    }
    lines.sort((a, b) => {
      for (const s of specs) {
        const diff = compareCells(a[s.column - column], b[s.column - column]);
        if (diff !== 0) return s.ascending || sortRank(a[s.column - column]) === 3 || sortRank(b[s.column - column]) === 3 ? diff : -diff;
      }
      return 0;
    });
    this.forEachCell(true, (cell, r, c) => {
      const source = lines[r][c];
      Object.assign(cell!, { value: null, formula: undefined, format: undefined, autoFormat: undefined, validation: undefined, note: undefined }, source);
    });
    return this;
  }
}

addChainableNoOps(
  Range,
  [
    'setFontWeight',
    'setFontWeights',
    'setFontColor',
    'setFontColors',
    'setFontColorObject',
    'setFontSize',
    'setFontSizes',
    'setFontFamily',
    'setFontFamilies',
    'setFontStyle',
    'setFontStyles',
    'setFontLine',
    'setFontLines',
    'setBackground',
    'setBackgrounds',
    'setBackgroundRGB',
    'setBackgroundColor',
    'setHorizontalAlignment',
    'setHorizontalAlignments',
    'setVerticalAlignment',
    'setVerticalAlignments',
    'setWrap',
    'setWraps',
    'setWrapStrategy',
    'setWrapStrategies',
    'setBorder',
    'setTextRotation',
    'setTextStyle',
    'setTextStyles',
    'setTextDirection',
    'setShowHyperlink',
    'merge',
    'mergeAcross',
    'mergeVertically',
    'breakApart',
    'setVerticalText',
    'shiftRowGroupDepth',
    'shiftColumnGroupDepth',
    'trimWhitespace',
    'autoFill',
  ],
  RANGE_WRITES,
);
addConstantGetters(Range, {
  getBackground: '#ffffff',
  getFontWeight: 'normal',
  getFontColor: '#000000',
  getFontSize: 10,
  getHorizontalAlignment: 'general',
  getMergedRanges: [],
  isPartOfMerge: false,
});

const RANGE_LIST_WRITES = new Set([
  'setValue',
  'clear',
  'clearContent',
  'clearFormat',
  'check',
  'uncheck',
  'insertCheckboxes',
  'removeCheckboxes',
  'setNumberFormat',
  'clearDataValidations',
  'setFontWeight',
  'setBackground',
]);

/** Several ranges handled together (getActiveRangeList, Sheet.getRangeList). */
export class RangeList extends GasObject {
  constructor(
    rt: Runtime,
    private readonly ranges: Range[],
  ) {
    super(rt, 'RangeList', RANGE_LIST_WRITES);
  }

  getRanges(): Range[] {
    return [...this.ranges];
  }

  activate(): RangeList {
    const first = this.ranges[0];
    if (first) first._ss.selection = { sheet: first._sheet, areas: this.ranges.map((r) => ({ ...r._area })) };
    return this;
  }

  private each(apply: (range: Range) => unknown): RangeList {
    for (const range of this.ranges) apply(range);
    return this;
  }

  setValue(value: unknown): RangeList {
    return this.each((r) => r.setValue(value));
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): RangeList {
    return this.each((r) => r.clear(options));
  }

  clearContent(): RangeList {
    return this.each((r) => r.clearContent());
  }

  clearFormat(): RangeList {
    return this.each((r) => r.clearFormat());
  }

  clearDataValidations(): RangeList {
    return this.each((r) => r.clearDataValidations());
  }

  check(): RangeList {
    return this.each((r) => r.check());
  }

  uncheck(): RangeList {
    return this.each((r) => r.uncheck());
  }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): RangeList {
    return this.each((r) => r.insertCheckboxes(checkedValue, uncheckedValue));
  }

  removeCheckboxes(): RangeList {
    return this.each((r) => r.removeCheckboxes());
  }

  setNumberFormat(format: string): RangeList {
    return this.each((r) => r.setNumberFormat(format));
  }

  setFontWeight(): RangeList {
    return this;
  }

  setBackground(): RangeList {
    return this;
  }
}
