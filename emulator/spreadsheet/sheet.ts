/**
 * Sheet: ranges by coordinates or A1 notation, content extent, appending, inserting and deleting
 * rows/columns (cells, formats and validations move with them), frozen rows, protections and charts.
 */
import { GRID_SHAPE_METHODS } from '../call-log';
import { addChainableNoOps, addConstantGetters, GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import { parseA1 } from './a1-notation';
import { writeCell } from './cell-values';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import type { Area, SheetModel, SpreadsheetModel } from './model';
import { assertCanEdit, protect, Protection, ProtectionType } from './protection';
import { makeRange, type Range, RangeList } from './range';
import { spreadsheetFacade, type Spreadsheet } from './spreadsheet';

const facades = new WeakMap<SheetModel, Sheet>();

/** The (cached) facade of a sheet. */
export function sheetFacade(rt: Runtime, ss: SpreadsheetModel, model: SheetModel): Sheet {
  let facade = facades.get(model);
  if (!facade) {
    facade = new Sheet(rt, ss, model);
    facades.set(model, facade);
  }
  return facade;
}

function integer(value: unknown, what: string): number {
  const n = Number(value);
  if (value === null || value === undefined || value === '' || Number.isNaN(n)) {
    throw new Error(`The parameters (${typeof value}) don't match the method signature for ${what}.`);
  }
  return Math.floor(n);
}

/** Validates range coordinates against the sheet's size, with Apps Script's messages. */
export function checkArea(sheet: SheetModel, row: number, column: number, numRows = 1, numColumns = 1): Area {
  const area = {
    row: integer(row, 'getRange'),
    column: integer(column, 'getRange'),
    numRows: integer(numRows, 'getRange'),
    numColumns: integer(numColumns, 'getRange'),
  };
  if (area.row < 1) throw new Error('The starting row of the range is too small.');
  if (area.column < 1) throw new Error('The starting column of the range is too small.');
  if (area.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (area.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (area.row + area.numRows - 1 > sheet.maxRows || area.column + area.numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return area;
}

const SHEET_WRITES = new Set([
  'setName',
  ...GRID_SHAPE_METHODS,
  'setFrozenRows',
  'setColumnWidth',
  'setColumnWidths',
  'setFrozenColumns',
  'clear',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'hideSheet',
  'showSheet',
  'protect',
  'insertChart',
  'updateChart',
  'removeChart',
]);

export class Sheet extends GasObject {
  constructor(
    rt: Runtime,
    readonly _ss: SpreadsheetModel,
    readonly _model: SheetModel,
  ) {
    super(rt, 'Sheet', SHEET_WRITES);
  }

  private range(area: Area): Range {
    return makeRange(this.rt, this._ss, this._model, area);
  }

  private assertStructureEditable(): void {
    assertCanEdit(this._ss, this._model, null, this.rt.user);
  }

  getName(): string {
    return this._model.name;
  }

  getSheetName(): string {
    return this._model.name;
  }

  setName(name: string): Sheet {
    const text = String(name);
    if (!text.trim()) throw new Error('Sheet name cannot be empty.');
    const existing = this._ss.sheetByName(text);
    if (existing && existing !== this._model) throw new Error(`A sheet with the name "${text}" already exists. Please enter another name.`);
    this._model.name = text;
    return this;
  }

  getSheetId(): number {
    return this._model.id;
  }

  getIndex(): number {
    return this._ss.sheets.indexOf(this._model) + 1;
  }

  getParent(): Spreadsheet {
    return spreadsheetFacade(this.rt, this._ss);
  }

  getType(): string {
    return 'GRID';
  }

  activate(): Sheet {
    this._ss.activeSheet = this._model;
    this._ss.selection = null;
    return this;
  }

  /** getRange(row, column, numRows?, numColumns?) or getRange(a1Notation). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 === 'string') {
      const parsed = parseA1(rowOrA1, this._model.maxRows, this._model.maxColumns);
      if (parsed.sheetName !== undefined && parsed.sheetName !== this._model.name) throw new Error('Range not found');
      const a = parsed.area;
      return this.range(checkArea(this._model, a.row, a.column, a.numRows, a.numColumns));
    }
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.range(checkArea(this._model, rowOrA1, column, numRows, numColumns));
  }

  getRangeList(a1Notations: string[]): RangeList {
    return new RangeList(
      this.rt,
      a1Notations.map((a1) => this.getRange(a1)),
    );
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    return this.getRange(row, column, numRows, numColumns).getValues();
  }

  getDataRange(): Range {
    return this.range({ row: 1, column: 1, numRows: Math.max(1, this._model.lastRow()), numColumns: Math.max(1, this._model.lastColumn()) });
  }

  getLastRow(): number {
    return this._model.lastRow();
  }

  getLastColumn(): number {
    return this._model.lastColumn();
  }

  getMaxRows(): number {
    return this._model.maxRows;
  }

  getMaxColumns(): number {
    return this._model.maxColumns;
  }

  /** A column's width in pixels: what setColumnWidth(s) set, else the default 100. */
  getColumnWidth(columnPosition: number): number {
    const column = integer(columnPosition, 'Sheet.getColumnWidth');
    if (column < 1 || column > this._model.maxColumns) throw new Error('Those columns are out of bounds.');
    return this._model.columnWidths[column - 1] ?? 100;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  /** Sets the width of `numColumns` columns from `startColumn`; the columns must exist and the width be 0 or more pixels. */
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const [start, count, pixels] = [
      integer(startColumn, 'Sheet.setColumnWidths'),
      integer(numColumns, 'Sheet.setColumnWidths'),
      integer(width, 'Sheet.setColumnWidths'),
    ];
    if (start < 1 || count < 1 || start + count - 1 > this._model.maxColumns) throw new Error('Those columns are out of bounds.');
    if (pixels < 0) throw new Error(`The width ${pixels} is not valid: a column is 0 pixels wide or more.`);
    for (let c = start - 1; c < start - 1 + count; c += 1) this._model.columnWidths[c] = pixels;
    return this;
  }

  getFrozenRows(): number {
    return this._model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this._model.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this._model.frozenRows = Math.floor(rows);
  }

  getFrozenColumns(): number {
    return this._model.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this._model.maxColumns) throw new Error("You can't freeze all visible columns on the sheet.");
    this._model.frozenColumns = Math.floor(columns);
  }

  /** Writes a row after the last row with content, growing the sheet when needed. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const model = this._model;
    const row0 = model.lastRow();
    assertCanEdit(this._ss, model, { row: row0 + 1, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) }, this.rt.user);
    if (row0 + 1 > model.maxRows) model.insertRows(model.maxRows, row0 + 1 - model.maxRows);
    if (rowContents.length > model.maxColumns) model.insertColumns(model.maxColumns, rowContents.length - model.maxColumns);
    rowContents.forEach((value, c) => {
      writeCell(model.cell(row0, c), value, this._ss.timeZone);
      model.noteChange(row0, c);
    });
    this.rt.calls.cellsWritten += rowContents.length;
    return this;
  }

  private insertLines(axis: 'rows' | 'columns', before: number, count: number): Sheet {
    const model = this._model;
    const max = axis === 'rows' ? model.maxRows : model.maxColumns;
    const n = integer(count, 'insert');
    if (before < 1 || before > max + 1) throw new Error(`Those ${axis} are out of bounds.`);
    if (n < 1) throw new Error(`The number of ${axis} to insert must be at least 1.`);
    this.assertStructureEditable();
    if (axis === 'rows') model.insertRows(before - 1, n);
    else model.insertColumns(before - 1, n);
    this._ss.shiftProtections(model, axis, before, n, true);
    return this;
  }

  private deleteLines(axis: 'rows' | 'columns', start: number, count: number): void {
    const model = this._model;
    const max = axis === 'rows' ? model.maxRows : model.maxColumns;
    const frozen = axis === 'rows' ? model.frozenRows : model.frozenColumns;
    const n = integer(count, 'delete');
    if (start < 1 || n < 1 || start + n - 1 > max) throw new Error(`Those ${axis} are out of bounds.`);
    if (n >= max) throw new Error(`You can't delete all the ${axis} on the sheet.`);
    if (n >= max - frozen && start > frozen) throw new Error(`Sorry, it is not possible to delete all non-frozen ${axis}.`);
    this.assertStructureEditable();
    if (axis === 'rows') model.deleteRows(start - 1, n);
    else model.deleteColumns(start - 1, n);
    this._ss.shiftProtections(model, axis, start, n, false);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertLines('rows', afterPosition + 1, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertLines('rows', beforePosition, howMany);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertLines('rows', afterPosition + 1, 1);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertLines('rows', beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertLines('rows', rowIndex, numRows);
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteLines('rows', rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.deleteLines('rows', rowPosition, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertLines('columns', afterPosition + 1, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertLines('columns', beforePosition, howMany);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertLines('columns', afterPosition + 1, 1);
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertLines('columns', beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertLines('columns', columnIndex, numColumns);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.deleteLines('columns', columnPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.deleteLines('columns', columnPosition, howMany);
  }

  private wholeSheet(): Range {
    return this.range({ row: 1, column: 1, numRows: this._model.maxRows, numColumns: this._model.maxColumns });
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this.wholeSheet().clear(options);
    return this;
  }

  clearContents(): Sheet {
    this.wholeSheet().clearContent();
    return this;
  }

  clearFormats(): Sheet {
    this.wholeSheet().clearFormat();
    return this;
  }

  clearNotes(): Sheet {
    this.wholeSheet().clearNote();
    return this;
  }

  hideSheet(): Sheet {
    this._model.hidden = true;
    return this;
  }

  showSheet(): Sheet {
    this._model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._model.hidden;
  }

  protect(): Protection {
    return protect(this.rt, this._ss, this._model, null);
  }

  getProtections(type: string): Protection[] {
    return this._ss.protections
      .filter((p) => p.sheet === this._model && p.type === (type === ProtectionType.SHEET ? 'SHEET' : 'RANGE'))
      .map((p) => new Protection(this.rt, this._ss, p));
  }

  getFilter(): null {
    return null;
  }

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.rt, null);
  }

  insertChart(chart: EmbeddedChart): void {
    this._model.charts.push(chart._snapshot());
  }

  getCharts(): EmbeddedChart[] {
    return this._model.charts.map((model) => new EmbeddedChart(this.rt, model));
  }

  updateChart(chart: EmbeddedChart): void {
    const model = chart._snapshot();
    const index = this._model.charts.findIndex((c) => c.id === model.id);
    if (index < 0) throw new Error('The chart does not exist on this sheet.');
    this._model.charts[index] = model;
  }

  removeChart(chart: EmbeddedChart): void {
    this._model.charts = this._model.charts.filter((c) => c.id !== chart.getChartId());
  }
}

addChainableNoOps(
  Sheet,
  [
    'setRowHeight',
    'setRowHeights',
    'setRowHeightsForced',
    'autoResizeColumn',
    'autoResizeColumns',
    'autoResizeRows',
    'hideColumns',
    'hideColumn',
    'showColumns',
    'unhideColumn',
    'hideRows',
    'hideRow',
    'showRows',
    'unhideRow',
    'setTabColor',
    'setHiddenGridlines',
    'setRightToLeft',
    'collapseAllRowGroups',
    'expandAllRowGroups',
    'setConditionalFormatRules',
  ],
  SHEET_WRITES,
);
addConstantGetters(Sheet, {
  getRowHeight: 21,
  getTabColor: null,
  isRightToLeft: false,
  hasHiddenGridlines: false,
  getConditionalFormatRules: [],
  isColumnHiddenByUser: false,
  isRowHiddenByUser: false,
});
