/** Reading an exported .xlsx back in tests: what its cells show, the tab it opens on, its column widths. */
import ExcelJS from 'exceljs';
import { renderValue } from '../../emulator/spreadsheet/number-format';

const EPOCH_MS = Date.UTC(1899, 11, 30);

/** What an .xlsx cell shows: its value under its number format, the way the emulator renders a cell. */
function xlsxShown(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return renderValue((value.getTime() - EPOCH_MS) / 86_400_000, cell.numFmt);
  if (typeof value === 'number') return renderValue(value, cell.numFmt);
  return String(value);
}

/** Reads an .xlsx back: each tab's name and what its cells show, the tab it opens on, and its column widths. */
export async function readXlsx(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tabs = workbook.worksheets.map((tab) => ({
    name: tab.name,
    widths: tab.columns?.map((column) => column.width ?? 0) ?? [],
    tab,
  }));
  return { tabs, activeTab: workbook.views?.[0]?.activeTab ?? 0 };
}

/** Every date cell of `sheet` (a Date in getValues): its A1 position, what the emulator shows and what the .xlsx shows. */
export function dateCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: ExcelJS.Worksheet): { at: string; shown: string; xlsx: string }[] {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const shown = range.getDisplayValues();
  const cells: { at: string; shown: string; xlsx: string }[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (Object.prototype.toString.call(value) !== '[object Date]') return;
      const cell = tab.getRow(r + 1).getCell(c + 1);
      cells.push({ at: cell.address, shown: shown[r][c], xlsx: xlsxShown(cell) });
    }),
  );
  return cells;
}
