/**
 * The Apps Script services the use cases need, handed in rather than fetched from
 * globals, so the use cases run the same on Apps Script, in the local emulator and in
 * tests. `gasServices` builds them from the real globals at the entry points.
 */
import { zoneFormatter } from './zone-clock';

export interface Services {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  documentLock(): GoogleAppsScript.Lock.Lock;
  documentProperties(): GoogleAppsScript.Properties.Properties;
  userProperties(): GoogleAppsScript.Properties.Properties;
  /** The signed-in user's email, '' when Google does not say (consumer accounts in some contexts). */
  userEmail(): string;
  /** Now, in epoch milliseconds, whole seconds (sheet timestamps are not millisecond-exact). */
  now(): number;
  uuid(): string;
  timeZone(): string;
  formatDate(time: number, pattern: string): string;
  /** Pushes pending sheet writes before a lock is released. */
  flush(): void;
  spreadsheetApp(): GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  documentApp(): GoogleAppsScript.Document.DocumentApp;
  driveApp(): GoogleAppsScript.Drive.DriveApp;
  mailApp(): GoogleAppsScript.Mail.MailApp;
  scriptApp(): GoogleAppsScript.Script.ScriptApp;
}

export function gasServices(): Services {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let zone = '';
  const timeZone = () => (zone ||= spreadsheet.getSpreadsheetTimeZone());
  let format: ((time: number, pattern: string) => string) | null = null;
  return {
    spreadsheet,
    documentLock: () => LockService.getDocumentLock(),
    documentProperties: () => PropertiesService.getDocumentProperties(),
    userProperties: () => PropertiesService.getUserProperties(),
    userEmail: () => Session.getActiveUser().getEmail() || '',
    now: () => Math.floor(Date.now() / 1000) * 1000,
    uuid: () => Utilities.getUuid(),
    timeZone,
    formatDate: (time, pattern) => {
      format ??= zoneFormatter(timeZone(), (t, p) => Utilities.formatDate(new Date(t), timeZone(), p));
      return format(time, pattern);
    },
    flush: () => SpreadsheetApp.flush(),
    spreadsheetApp: () => SpreadsheetApp,
    documentApp: () => DocumentApp,
    driveApp: () => DriveApp,
    mailApp: () => MailApp,
    scriptApp: () => ScriptApp,
  };
}
