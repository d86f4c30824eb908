/**
 * The SpreadsheetApp global: the active (container-bound) spreadsheet, creating and opening
 * spreadsheets by id or URL, the Ui, data-validation builders and the enums.
 */
import { MimeType } from '../drive-store';
import { GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import { Ui } from '../ui';
import { DataValidationBuilder, DataValidationCriteria } from './data-validation';
import type { SpreadsheetModel } from './model';
import { ProtectionType } from './protection';
import type { Range, RangeList } from './range';
import type { Sheet } from './sheet';
import { newSpreadsheetModel, type Spreadsheet, spreadsheetFacade } from './spreadsheet';

const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

/** Registers a new spreadsheet as a Drive file owned by `owner` and returns its model. */
export function createSpreadsheet(rt: Runtime, name: string, owner: string, id?: string): SpreadsheetModel {
  const fileId = id ?? rt.ids.driveId();
  const model = newSpreadsheetModel(rt, fileId, name, owner);
  rt.drive.add({ id: fileId, name, mimeType: MimeType.GOOGLE_SHEETS, owner, spreadsheet: model });
  return model;
}

export class SpreadsheetApp extends GasObject {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
  readonly WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly Dimension = enumOf(['COLUMNS', 'ROWS']);
  readonly SheetType = enumOf(['GRID', 'OBJECT', 'DATASOURCE']);
  readonly CopyPasteType = enumOf([
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ]);

  constructor(rt: Runtime) {
    super(rt, 'SpreadsheetApp', new Set(['create', 'setActiveSheet', 'setActiveRange']));
  }

  private active(): Spreadsheet | null {
    const model = this.rt.drive.get(this.rt.activeSpreadsheetId)?.spreadsheet;
    return model ? spreadsheetFacade(this.rt, model) : null;
  }

  private activeOrThrow(): Spreadsheet {
    const ss = this.active();
    if (!ss) throw new Error('There is no active spreadsheet.');
    return ss;
  }

  getActive(): Spreadsheet | null {
    return this.active();
  }

  getActiveSpreadsheet(): Spreadsheet | null {
    return this.active();
  }

  getActiveSheet(): Sheet {
    return this.activeOrThrow().getActiveSheet();
  }

  getActiveRange(): Range {
    return this.activeOrThrow().getActiveRange();
  }

  getActiveRangeList(): RangeList {
    return this.activeOrThrow().getActiveRangeList();
  }

  getCurrentCell(): Range {
    return this.activeOrThrow().getCurrentCell();
  }

  getSelection(): ReturnType<Spreadsheet['getSelection']> {
    return this.activeOrThrow().getSelection();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    return this.activeOrThrow().setActiveSheet(sheet);
  }

  setActiveRange(range: Range): Range {
    return range.activate();
  }

  /** Only the UI of an interactive execution exists; time-driven triggers have none. */
  getUi(): Ui {
    if (this.rt.currentFrame().trigger) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this.rt);
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    const model = createSpreadsheet(this.rt, String(name), this.rt.user);
    if (rows) model.sheets[0].maxRows = rows;
    if (columns) model.sheets[0].maxColumns = columns;
    return spreadsheetFacade(this.rt, model);
  }

  private byId(id: string, method: string): Spreadsheet {
    const model = this.rt.drive.get(id)?.spreadsheet;
    if (!model) throw new Error(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    return spreadsheetFacade(this.rt, model);
  }

  openById(id: string): Spreadsheet {
    return this.byId(String(id), 'openById');
  }

  openByUrl(url: string): Spreadsheet {
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    return this.byId(id, 'openByUrl');
  }

  open(file: { getId(): string }): Spreadsheet {
    return this.byId(file.getId(), 'open');
  }

  flush(): void {
    // Everything is applied immediately; flush only needs to exist and be counted.
  }

  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.rt);
  }
}
