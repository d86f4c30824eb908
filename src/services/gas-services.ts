/**
 * The Apps Script implementation of the ports (ports.ts): the one place that reads the
 * Apps Script globals. The entry points (src/index.ts) build the ports here and hand
 * them to the use cases, so the use cases run the same on Apps Script, in the local
 * emulator and in tests with in-memory ports.
 */
import { gasFiles } from '../drive/files';
import type { Mailer, Services, Triggers } from './ports';
import { zoneFormatter } from './zone-clock';

/** Sends mail through MailApp. */
function gasMailer(): Mailer {
  return {
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
    send: (message) => MailApp.sendEmail(message),
  };
}

/** The current user's clock triggers in this workbook, through ScriptApp. */
function gasTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Triggers {
  const own = (handler: string) =>
    ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK);
  return {
    count: (handler) => own(handler).length,
    installHourly: (handler) => void ScriptApp.newTrigger(handler).timeBased().everyHours(1).create(),
    removeAll: (handler) => {
      for (const trigger of own(handler)) ScriptApp.deleteTrigger(trigger);
    },
  };
}

/** The ports over the real Apps Script services, for the active spreadsheet. */
export function gasServices(): Services {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let zone = '';
  const timeZone = () => (zone ||= spreadsheet.getSpreadsheetTimeZone());
  let format: ((time: number, pattern: string) => string) | null = null;
  return {
    spreadsheet,
    sheetsApp: SpreadsheetApp,
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
    files: gasFiles(DriveApp, SpreadsheetApp, DocumentApp),
    mailer: gasMailer(),
    triggers: gasTriggers(spreadsheet),
  };
}

/** The spreadsheet's Ui (menus, alerts, the sidebar); available in every auth mode. */
export function gasUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** HtmlService, to open the sidebar. */
export function gasHtml(): GoogleAppsScript.HTML.HtmlService {
  return HtmlService;
}

/** The active spreadsheet, for a menu item's toast. */
export function gasActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}
