/**
 * Spreadsheet: its sheets, selection, time zone, toasts, protections, named ranges and the Drive
 * side of the file (id, URL, sharing, export).
 */
import { Blob } from '../blob';
import { MimeType } from '../drive-store';
import { GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import { Sharing } from '../sharing';
import { assertTimeZone } from '../time-zone';
import type { User } from '../users';
import { parseA1 } from './a1-notation';
import { spreadsheetToHtml } from './export-html';
import { SheetModel, SpreadsheetModel } from './model';
import { Protection, ProtectionType } from './protection';
import { makeRange, type Range, RangeList } from './range';
import { checkArea, type Sheet, sheetFacade } from './sheet';

const facades = new WeakMap<SpreadsheetModel, Spreadsheet>();

/** The (cached) facade of a spreadsheet. */
export function spreadsheetFacade(rt: Runtime, model: SpreadsheetModel): Spreadsheet {
  let facade = facades.get(model);
  if (!facade) {
    facade = new Spreadsheet(rt, model);
    facades.set(model, facade);
  }
  return facade;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** A spreadsheet model with one empty sheet named 'Sheet1'. */
export function newSpreadsheetModel(rt: Runtime, id: string, name: string, owner: string): SpreadsheetModel {
  return new SpreadsheetModel(id, name, rt.scriptTimeZone, owner, new SheetModel(0, 'Sheet1'));
}

function selectionRanges(rt: Runtime, ss: SpreadsheetModel): Range[] {
  const sheet = ss.activeSheet;
  const areas = ss.selection && ss.selection.sheet === sheet ? ss.selection.areas : [{ row: 1, column: 1, numRows: 1, numColumns: 1 }];
  return areas.map((area) => makeRange(rt, ss, sheet, area));
}

const SPREADSHEET_WRITES = new Set([
  'rename',
  'insertSheet',
  'deleteSheet',
  'setSpreadsheetTimeZone',
  'setSpreadsheetLocale',
  'setNamedRange',
  'removeNamedRange',
  'addEditor',
  'addEditors',
  'addViewer',
  'addViewers',
  'removeEditor',
  'removeViewer',
  'appendRow',
  'moveActiveSheet',
]);

export class Spreadsheet extends GasObject {
  constructor(
    rt: Runtime,
    readonly _model: SpreadsheetModel,
  ) {
    super(rt, 'Spreadsheet', SPREADSHEET_WRITES);
  }

  private sheet(model: SheetModel): Sheet {
    return sheetFacade(this.rt, this._model, model);
  }

  private sharing(): Sharing {
    return new Sharing(this.rt, this.rt.drive, this.rt.drive.get(this._model.id)!);
  }

  getId(): string {
    return this._model.id;
  }

  getUrl(): string {
    return spreadsheetUrl(this._model.id);
  }

  getName(): string {
    return this._model.name;
  }

  rename(newName: string): void {
    this._model.name = String(newName);
    const file = this.rt.drive.get(this._model.id);
    if (file) file.name = this._model.name;
  }

  getSheets(): Sheet[] {
    return this._model.sheets.map((s) => this.sheet(s));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    const model = this._model.sheetByName(String(name));
    return model ? this.sheet(model) : null;
  }

  getSheetById(id: number): Sheet | null {
    const model = this._model.sheets.find((s) => s.id === id);
    return model ? this.sheet(model) : null;
  }

  /** insertSheet(), insertSheet(name), insertSheet(name, index) or insertSheet(index). */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = this._model.sheets.length + 1;
      while (this._model.sheetByName(`Sheet${n}`)) n += 1;
      name = `Sheet${n}`;
    }
    if (this._model.sheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const model = new SheetModel(this.rt.ids.int(), name);
    const at = position === undefined ? this._model.sheets.length : Math.max(0, Math.min(position, this._model.sheets.length));
    this._model.sheets.splice(at, 0, model);
    this._model.activeSheet = model;
    this._model.selection = null;
    return this.sheet(model);
  }

  deleteSheet(sheet: Sheet): void {
    const model = sheet._model;
    if (!this._model.sheets.includes(model)) throw new Error('The sheet does not belong to this spreadsheet.');
    if (this._model.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._model.sheets = this._model.sheets.filter((s) => s !== model);
    this._model.protections = this._model.protections.filter((p) => p.sheet !== model);
    if (this._model.activeSheet === model) this._model.activeSheet = this._model.sheets[0];
    if (this._model.selection?.sheet === model) this._model.selection = null;
  }

  getActiveSheet(): Sheet {
    return this.sheet(this._model.activeSheet);
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this._model.activeSheet = sheet._model;
    this._model.selection = null;
    return sheet;
  }

  moveActiveSheet(position: number): void {
    const active = this._model.activeSheet;
    const rest = this._model.sheets.filter((s) => s !== active);
    rest.splice(Math.max(0, Math.min(position - 1, rest.length)), 0, active);
    this._model.sheets = rest;
  }

  getActiveRange(): Range {
    return selectionRanges(this.rt, this._model)[0];
  }

  getActiveRangeList(): RangeList {
    return new RangeList(this.rt, selectionRanges(this.rt, this._model));
  }

  getCurrentCell(): Range {
    const first = this.getActiveRange();
    return first.getCell(1, 1);
  }

  getSelection(): Selection {
    return new Selection(this.rt, this);
  }

  setActiveRange(range: Range): Range {
    return range.activate();
  }

  setActiveSelection(range: Range | string): Range {
    const target = typeof range === 'string' ? this.getRange(range) : range;
    return target.activate();
  }

  /** getRange('Sheet!A1:B2'), or A1 notation on the active sheet. */
  getRange(a1Notation: string): Range {
    const parsed = parseA1(a1Notation, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const sheet = parsed.sheetName === undefined ? this._model.activeSheet : this._model.sheetByName(parsed.sheetName);
    if (!sheet) throw new Error('Range not found');
    const fixed = parseA1(a1Notation, sheet.maxRows, sheet.maxColumns).area;
    return makeRange(this.rt, this._model, sheet, checkArea(sheet, fixed.row, fixed.column, fixed.numRows, fixed.numColumns));
  }

  getRangeByName(name: string): Range | null {
    const named = this._model.namedRanges.get(name);
    return named && this._model.sheets.includes(named.sheet) ? makeRange(this.rt, this._model, named.sheet, named.area) : null;
  }

  setNamedRange(name: string, range: Range): void {
    this._model.namedRanges.set(name, { sheet: range._sheet, area: { ...range._area } });
  }

  removeNamedRange(name: string): void {
    this._model.namedRanges.delete(name);
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string): void {
    assertTimeZone(timeZone);
    this._model.timeZone = timeZone;
  }

  getSpreadsheetLocale(): string {
    return this._model.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this._model.locale = locale;
  }

  /** toast(message, title?, timeoutSeconds?): recorded in emu.ui.toasts. */
  toast(message: string, title?: string): void {
    this.rt.ui.toasts.push(title === undefined ? { message: String(message) } : { message: String(message), title: String(title) });
  }

  getProtections(type: string): Protection[] {
    const wanted = type === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this._model.protections.filter((p) => p.type === wanted).map((p) => new Protection(this.rt, this._model, p));
  }

  getLastRow(): number {
    return this._model.activeSheet.lastRow();
  }

  getLastColumn(): number {
    return this._model.activeSheet.lastColumn();
  }

  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }

  appendRow(rowContents: unknown[]): Sheet {
    return this.getActiveSheet().appendRow(rowContents);
  }

  getOwner(): User {
    return this.sharing().owner();
  }

  getEditors(): User[] {
    return [this.sharing().owner(), ...this.sharing().editors()];
  }

  getViewers(): User[] {
    return [...this.getEditors(), ...this.sharing().viewers()];
  }

  addEditor(user: string | User): Spreadsheet {
    this.sharing().addEditor(user);
    return this;
  }

  addEditors(emails: string[]): Spreadsheet {
    for (const email of emails) this.sharing().addEditor(email);
    return this;
  }

  addViewer(user: string | User): Spreadsheet {
    this.sharing().addViewer(user);
    return this;
  }

  addViewers(emails: string[]): Spreadsheet {
    for (const email of emails) this.sharing().addViewer(email);
    return this;
  }

  removeEditor(user: string | User): Spreadsheet {
    this.sharing().removeEditor(user);
    return this;
  }

  removeViewer(user: string | User): Spreadsheet {
    this.sharing().removeViewer(user);
    return this;
  }

  /** PDF (or HTML) export: the HTML tables of every visible sheet. */
  getAs(contentType: string): Blob {
    if (contentType !== MimeType.PDF && contentType !== MimeType.HTML) {
      throw new Error(`Converting from ${MimeType.GOOGLE_SHEETS} to ${contentType} is not supported.`);
    }
    const ext = contentType === MimeType.PDF ? 'pdf' : 'html';
    return new Blob(this.rt, new Uint8Array(Buffer.from(spreadsheetToHtml(this._model))), contentType, `${this._model.name}.${ext}`);
  }

  getBlob(): Blob {
    return this.getAs(MimeType.PDF);
  }
}

/** What Spreadsheet.getSelection() returns. */
class Selection extends GasObject {
  constructor(
    rt: Runtime,
    private readonly ss: Spreadsheet,
  ) {
    super(rt, 'Selection');
  }

  getActiveRange(): Range {
    return this.ss.getActiveRange();
  }

  getActiveRangeList(): RangeList {
    return this.ss.getActiveRangeList();
  }

  getActiveSheet(): Sheet {
    return this.ss.getActiveSheet();
  }

  getCurrentCell(): Range {
    return this.ss.getCurrentCell();
  }
}
