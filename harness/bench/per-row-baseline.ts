/**
 * The per-row baseline: authorize and export written the way many hand-written Apps
 * Script scripts do them — a `getValue` or `setValue` per cell inside a loop over the rows
 * and an `appendRow` per log row. It runs on the same emulator and workbook as the add-on,
 * so the bench can print our service calls and modelled time as a ratio against it.
 *
 * It is a fair baseline, not a straw man: it reads the headers and the client list once
 * per run, reads a row's other cells only when its Entry ID or client matches, and
 * hoists `getLastRow` out of the loop. It skips what the add-on checks (rounding,
 * invariants, checksums), which only makes it cheaper.
 */

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column number by header, one cell at a time. */
function headerColumns(sheet: Sheet): (header: string) => number {
  const columns = new Map<string, number>();
  const width = sheet.getLastColumn();
  for (let c = 1; c <= width; c++) columns.set(String(sheet.getRange(1, c).getValue()), c);
  return (header) => {
    const column = columns.get(header);
    if (column === undefined) throw new Error(`${sheet.getName()} has no ${header} column.`);
    return column;
  };
}

function sheetNamed(app: SpreadsheetApp, name: string): Sheet {
  const sheet = app.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}.`);
  return sheet;
}

/** Authorizes the open entries with these IDs row by row; returns how many it deducted. */
export function perRowAuthorize(app: SpreadsheetApp, entryIds: readonly string[], user: string, now: Date): number {
  const entries = sheetNamed(app, 'Time entries');
  const credits = sheetNamed(app, 'Credits');
  const log = sheetNamed(app, 'Prepaid log');
  const e = headerColumns(entries);
  const c = headerColumns(credits);
  const l = headerColumns(log);
  const clientRows = new Map<string, number>();
  const lastClient = credits.getLastRow();
  for (let r = 2; r <= lastClient; r++) clientRows.set(String(credits.getRange(r, c('Client')).getValue()), r);
  const logWidth = log.getLastColumn();
  const wanted = new Set(entryIds);
  let done = 0;
  const last = entries.getLastRow();
  for (let r = 2; r <= last; r++) {
    const id = String(entries.getRange(r, e('Entry ID')).getValue());
    if (!wanted.has(id) || entries.getRange(r, e('Status')).getValue() === 'Authorized') continue;
    const client = String(entries.getRange(r, e('Client')).getValue());
    const hours = Number(entries.getRange(r, e('Hours')).getValue());
    const clientRow = clientRows.get(client);
    if (clientRow === undefined) continue;
    const balanceCell = credits.getRange(clientRow, c('Balance (h)'));
    const balance = Number(balanceCell.getValue()) - hours;
    const logRow: unknown[] = new Array(logWidth).fill('');
    const put = (header: string, value: unknown) => {
      logRow[l(header) - 1] = value;
    };
    put('Log ID', `L-ROW-${done + 1}`);
    put('Timestamp', now);
    put('Client', client);
    put('Kind', 'Deduction');
    put('Hours', -hours);
    put('Balance after (h)', balance);
    put('Entry ID', id);
    put('Description', entries.getRange(r, e('Description')).getValue());
    put('By', user);
    put('Raw hours', hours);
    put('Person', entries.getRange(r, e('Person')).getValue());
    put('Work date', entries.getRange(r, e('Date')).getValue());
    log.appendRow(logRow);
    balanceCell.setValue(balance);
    entries.getRange(r, e('Status')).setValue('Authorized');
    entries.getRange(r, e('Authorized by')).setValue(user);
    entries.getRange(r, e('Authorized at')).setValue(now);
    done++;
  }
  return done;
}

const EXPORTED = ['Timestamp', 'Kind', 'Hours', 'Balance after (h)', 'Entry ID', 'Description', 'Person', 'Work date'];

/** Copies one client's log rows into a new spreadsheet row by row; returns the rows copied. */
export function perRowExport(app: SpreadsheetApp, client: string): number {
  const log = sheetNamed(app, 'Prepaid log');
  const l = headerColumns(log);
  const target = app.create(`Prepaid log ${client} (per row)`).getSheets()[0];
  target.appendRow(EXPORTED);
  let rows = 0;
  const last = log.getLastRow();
  for (let r = 2; r <= last; r++) {
    if (String(log.getRange(r, l('Client')).getValue()) !== client) continue;
    target.appendRow(EXPORTED.map((header) => log.getRange(r, l(header)).getValue()));
    rows++;
  }
  return rows;
}
