/**
 * Shared setup for the emulator's own tests: an emulator plus its globals typed as Apps Script's.
 */
import { createEmulator, type Emulator, type EmulatorOptions } from '..';

export interface Fixture {
  emu: Emulator;
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export function setup(opts: EmulatorOptions = {}): Fixture {
  const emu = createEmulator(opts);
  const g = emu.globals as Record<string, never>;
  return {
    emu,
    SpreadsheetApp: g.SpreadsheetApp,
    PropertiesService: g.PropertiesService,
    LockService: g.LockService,
    Session: g.Session,
    Utilities: g.Utilities,
    ScriptApp: g.ScriptApp,
    HtmlService: g.HtmlService,
    sheet: emu.spreadsheet.getSheets()[0],
  };
}

/** The values one string reads back as after setValue. */
export function typed(sheet: GoogleAppsScript.Spreadsheet.Sheet, input: unknown): unknown {
  const cell = sheet.getRange('Z1000');
  cell.setValue(input);
  return cell.getValue();
}
