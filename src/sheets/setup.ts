/**
 * `setUpSheets`: creates what is missing and leaves existing data alone. Each step reads
 * first and writes only where the workbook differs, so a second run changes nothing. It
 * never re-inserts checkboxes (that would untick ticked boxes): it sets a checkbox rule,
 * which keeps the cells' values. Protections are set by `protectLedgerSheets`.
 */
import { CREDITS, normalizeHeader, PREPAID_SEAL, TIME_ENTRIES, type SheetSchema, ALL_SHEETS } from './schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
/** What setting up and protecting need of SpreadsheetApp: validation builders and the protection types. */
export type SheetsApp = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'ProtectionType'>;

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
}

/** Headers in row 1, adding the schema's missing columns after the last one. Returns header -> column (1-based). */
function ensureHeaders(sheet: Sheet, schema: SheetSchema, report: SetupReport, isNew: boolean): Map<string, number> {
  const width = sheet.getLastColumn();
  const headers = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0] : [];
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !columns.has(key)) columns.set(key, i + 1);
  });
  const missing = schema.columns.filter((c) => !c.optional && !columns.has(normalizeHeader(c.header))).map((c) => c.header);
  if (missing.length) {
    const start = width + 1;
    const needed = start + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, start, 1, missing.length).setValues([missing]).setFontWeight('bold');
    missing.forEach((h, i) => columns.set(normalizeHeader(h), start + i));
    if (!isNew) report.addedColumns.push(...missing.map((h) => `${schema.name}: ${h}`));
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return columns;
}

function dataRows(sheet: Sheet): number {
  return Math.max(sheet.getMaxRows() - 1, 1);
}

function ensureFormats(sheet: Sheet, schema: SheetSchema, columns: Map<string, number>): void {
  const width = sheet.getMaxColumns();
  const current = sheet.getRange(2, 1, 1, width).getNumberFormats()[0];
  for (const spec of schema.columns) {
    const column = columns.get(normalizeHeader(spec.header));
    if (!spec.format || !column || current[column - 1] === spec.format) continue;
    sheet.getRange(2, column, dataRows(sheet), 1).setNumberFormat(spec.format);
  }
}

/** Sets a validation rule on a column's data cells unless its first data cell already has that kind of rule. */
function ensureValidation(sheet: Sheet, column: number | undefined, build: () => GoogleAppsScript.Spreadsheet.DataValidation): void {
  if (!column) return;
  const range = sheet.getRange(2, column, dataRows(sheet), 1);
  const rule = build();
  const existing = sheet.getRange(2, column).getDataValidation();
  if (existing && existing.getCriteriaType() === rule.getCriteriaType()) return;
  range.setDataValidation(rule);
}

/** Creates and completes the add-on's sheets; `app` builds the validation rules. */
export function setUpWorkbook(spreadsheet: Spreadsheet, app: SheetsApp): SetupReport {
  const report: SetupReport = { createdSheets: [], addedColumns: [] };
  const columnsBySheet = new Map<string, Map<string, number>>();
  for (const schema of ALL_SHEETS) {
    let sheet = spreadsheet.getSheetByName(schema.name);
    const isNew = !sheet;
    if (!sheet) {
      sheet = spreadsheet.insertSheet(schema.name);
      report.createdSheets.push(schema.name);
    }
    const columns = ensureHeaders(sheet, schema, report, isNew);
    ensureFormats(sheet, schema, columns);
    columnsBySheet.set(schema.name, columns);
  }
  const credits = spreadsheet.getSheetByName(CREDITS.name) as Sheet;
  const entries = spreadsheet.getSheetByName(TIME_ENTRIES.name) as Sheet;
  const creditCols = columnsBySheet.get(CREDITS.name) as Map<string, number>;
  const entryCols = columnsBySheet.get(TIME_ENTRIES.name) as Map<string, number>;
  const clientColumn = creditCols.get('client') as number;

  ensureValidation(entries, entryCols.get('select'), () => app.newDataValidation().requireCheckbox().build());
  ensureValidation(credits, creditCols.get('auto-invoice'), () => app.newDataValidation().requireCheckbox().build());
  ensureValidation(entries, entryCols.get('client'), () =>
    app
      .newDataValidation()
      .requireValueInRange(credits.getRange(2, clientColumn, dataRows(credits), 1), true)
      .setAllowInvalid(true)
      .setHelpText('Pick a client from the Credits sheet.')
      .build(),
  );
  ensureValidation(entries, entryCols.get('hours'), () =>
    app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(true).setHelpText('Hours of at least 0: 1.5, 1:30, 1h30 or 90m.').build(),
  );
  const seal = spreadsheet.getSheetByName(PREPAID_SEAL.name) as Sheet;
  if (!seal.isSheetHidden()) seal.hideSheet();
  return report;
}
