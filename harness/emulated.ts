/**
 * The emulator's Apps Script services for the adapters' own tests (src/drive, src/sheets),
 * which run without the built bundle: typed SpreadsheetApp, DriveApp and DocumentApp, the
 * Files port over them, a workbook as Set up sheets leaves it, and the cell-data calls an
 * adapter makes, so a test can say "one getValues, one setValues".
 */
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/index';
import { type Files, gasFiles } from '../src/drive/files';
import { setUpWorkbook } from '../src/sheets/setup';

/** An emulator and its services, typed as the adapters take them. */
export interface EmulatedApps {
  emu: Emulator;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheetsApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  driveApp: GoogleAppsScript.Drive.DriveApp;
  documentApp: GoogleAppsScript.Document.DocumentApp;
  files: Files;
}

/** A fresh emulator (UTC unless told) with an empty spreadsheet. */
export function emulatedApps(opts: EmulatorOptions = {}): EmulatedApps {
  const emu = createEmulator({ timeZone: 'UTC', ...opts });
  const g = emu.globals as unknown as {
    SpreadsheetApp: EmulatedApps['sheetsApp'];
    DriveApp: EmulatedApps['driveApp'];
    DocumentApp: EmulatedApps['documentApp'];
  };
  return {
    emu,
    spreadsheet: emu.spreadsheet,
    sheetsApp: g.SpreadsheetApp,
    driveApp: g.DriveApp,
    documentApp: g.DocumentApp,
    files: gasFiles(g.DriveApp, g.SpreadsheetApp, g.DocumentApp),
  };
}

/** A workbook with the add-on's sheets set up; the call log starts at zero. */
export function setUpApps(opts: EmulatorOptions = {}): EmulatedApps {
  const apps = emulatedApps(opts);
  setUpWorkbook(apps.spreadsheet, apps.sheetsApp);
  apps.emu.calls.reset();
  return apps;
}

/** Range and Sheet methods that move cell data or change the grid's shape (navigation is free). */
const DATA_CALL =
  /^(Range|Sheet|RangeList)\.((get|set)(Value|Values|DisplayValue|DisplayValues|Formula|Formulas)|(insert|delete)(Rows?|Columns?)\w*|appendRow|clear\w*)$/;

/** What `fn` returned, and the cell-data calls it made, by 'Class.method' (e.g. { 'Range.getValues': 1 }). */
export function dataCallsOf<T>(emu: Emulator, fn: () => T): { value: T; calls: Record<string, number> } {
  emu.calls.reset();
  const value = fn();
  const calls = Object.fromEntries(Object.entries(emu.calls.snapshot()).filter(([key]) => DATA_CALL.test(key)));
  return { value, calls };
}

/** The code and message of what `fn` throws (a CodedError's code; undefined for a plain Error); fails when it returns. */
export function thrownBy(fn: () => unknown): { code: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: String((error as Error).message) };
  }
  throw new Error('expected a throw, but the call returned');
}
