/**
 * What the client-log integration tests share: opening the client's file the way the
 * client would see it (values, formulas, chart, sharing), straight from the emulator's
 * Drive, without going through the add-on.
 */
import type { Addon } from './addon';
import type { DriveFileRecord } from '../emulator/index';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function fileIdOf(url: string): string {
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1];
  if (!id) throw new Error(`No file id in ${url}`);
  return id;
}

export function driveRecord(addon: Addon, url: string): DriveFileRecord {
  const record = addon.emu.files.get(fileIdOf(url));
  if (!record) throw new Error(`No Drive file for ${url}`);
  return record;
}

export function openClientFile(addon: Addon, url: string): Spreadsheet {
  const app = addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return app.openById(fileIdOf(url));
}

/** The log tab as records (header -> value), Dates as ISO strings. */
export function logTab(addon: Addon, url: string): Record<string, unknown>[] {
  const [header, ...rows] = addon.emu.snapshot(openClientFile(addon, url)).Log;
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** The summary tab as label -> value. */
export function summaryTab(addon: Addon, url: string): Record<string, unknown> {
  return Object.fromEntries(addon.emu.snapshot(openClientFile(addon, url)).Summary.map((r) => [String(r[0]), r[1]]));
}

/** Every formula in the client's file, as "Sheet!row,col: formula". */
export function formulasIn(addon: Addon, url: string): string[] {
  const found: string[] = [];
  for (const sheet of openClientFile(addon, url).getSheets()) {
    if (sheet.getLastRow() === 0) continue;
    sheet
      .getDataRange()
      .getFormulas()
      .forEach((row, r) => row.forEach((f, c) => f && found.push(`${sheet.getName()}!${r + 1},${c + 1}: ${f}`)));
  }
  return found;
}

/** Drive files whose name starts with the client log title. */
export function clientLogFiles(addon: Addon, client: string): DriveFileRecord[] {
  return addon.emu.files.list().filter((f) => f.name.startsWith(`Prepaid log — ${client}`) && !f.name.endsWith('.pdf'));
}

/** Parses CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}
