/**
 * Saves an emulated spreadsheet as an .xlsx file (one tab per sheet, real numbers and
 * dates), so a person can open the demo's result in LibreOffice or import it into Google
 * Sheets.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export async function saveAsXlsx(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spreadsheet.getSheets()) {
    const tab = workbook.addWorksheet(sheet.getName().slice(0, 31), { views: [{ state: 'frozen', ySplit: sheet.getFrozenRows() }] });
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formats = range.getNumberFormats();
    values.forEach((row, r) => {
      const added = tab.addRow(row.map((v) => (v === '' ? null : v)));
      row.forEach((value, c) => {
        const format = formats[r][c];
        if (isDate(value) || (typeof value === 'number' && format && format !== 'General')) added.getCell(c + 1).numFmt = format || 'yyyy-mm-dd hh:mm';
      });
      if (r === 0) added.font = { bold: true };
    });
    tab.columns.forEach((column) => {
      column.width = 16;
    });
  }
  mkdirSync(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}
