/**
 * Test and demo data entry: writes records into a sheet by header name, one block per
 * call, the way a person pastes rows. Strings are parsed as typing is ('1:30' becomes a
 * duration, '2026-01-05' a date), so fixtures exercise the same paths real input does.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Appends records (header -> value) below the sheet's last row; unknown headers throw. */
export function pasteRows(spreadsheet: Spreadsheet, sheetName: string, records: Record<string, unknown>[]): void {
  if (records.length === 0) return;
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}; call setUpSheets first.`);
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).trim().toLowerCase());
  const rows = records.map((record) => {
    const row: unknown[] = new Array(headers.length).fill('');
    for (const [header, value] of Object.entries(record)) {
      const column = headers.indexOf(header.trim().toLowerCase());
      if (column < 0) throw new Error(`Sheet ${sheetName} has no column ${header}.`);
      row[column] = value;
    }
    return row;
  });
  const start = sheet.getLastRow() + 1;
  const missing = start + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(start, 1, rows.length, headers.length).setValues(rows);
}

/** Reads a sheet as records (header -> value), skipping blank rows. */
export function readRows(spreadsheet: Spreadsheet, sheetName: string): Record<string, unknown>[] {
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}.`);
  const [headers, ...rows] = sheet.getDataRange().getValues();
  return rows.filter((row) => row.some((v) => v !== '')).map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}
