/**
 * Saves an emulated spreadsheet as an .xlsx file, so a person can open the demo's result
 * in LibreOffice or import it into Google Sheets. One tab per sheet that holds anything,
 * with real numbers, and dates as the wall-clock date and time in the spreadsheet's time
 * zone (an .xlsx has no time zone: a date is a day count, read as it is shown). Columns are
 * as wide as what they show, and the file opens on the first of them, as Google Sheets
 * opens a shared file for a new reader (the emulator's active sheet is where the script
 * last wrote, not where a person would start).
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { dateToSerial } from '../emulator/index';

/** Column widths, in characters: at least a short date, at most a readable line of a description. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd hh:mm';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A column's width: its longest shown line plus a margin, within MIN_WIDTH..MAX_WIDTH. */
function widthOf(shown: string[]): number {
  const longest = Math.max(0, ...shown.flatMap((text) => text.split('\n').map((line) => line.length)));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Writes `spreadsheet` to `path` (folders created as needed). */
export async function saveAsXlsx(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, path: string): Promise<void> {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const workbook = new ExcelJS.Workbook();
  const sheets = spreadsheet.getSheets().filter((sheet) => sheet.getLastRow() > 0);
  if (sheets.length === 0) sheets.push(spreadsheet.getSheets()[0]);
  for (const sheet of sheets) {
    const tab = workbook.addWorksheet(sheet.getName().slice(0, 31), { views: [{ state: 'frozen', ySplit: sheet.getFrozenRows() }] });
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formats = range.getNumberFormats();
    const shown = range.getDisplayValues();
    values.forEach((row, r) => {
      const added = tab.addRow(row.map((v) => (v === '' ? null : isDate(v) ? dateToSerial(v, timeZone) : v)));
      row.forEach((value, c) => {
        const format = formats[r][c];
        if (isDate(value) || (typeof value === 'number' && format && format !== 'General')) added.getCell(c + 1).numFmt = format || DEFAULT_DATE_FORMAT;
      });
      if (r === 0) added.font = { bold: true };
    });
    tab.columns.forEach((column, c) => {
      column.width = widthOf(shown.map((row) => row[c] ?? ''));
    });
  }
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  mkdirSync(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}
