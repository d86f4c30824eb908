/**
 * The local Apps Script emulator: createEmulator() builds in-memory SpreadsheetApp, PropertiesService,
 * LockService, Session, Utilities, ScriptApp, HtmlService, DocumentApp, DriveApp, MailApp, Logger and
 * console with Apps Script's semantics, plus the hooks tests need (clock, users, executions, call
 * counts, fault injection, recorded UI and mail). loadBundle() runs the built add-on against it.
 */
import type { CallLog } from './call-log';
import { DocumentApp, rememberDriveStore } from './document-app';
import { DriveApp } from './drive-app';
import type { DriveStore } from './drive-store';
import type { Faults } from './faults';
import { HtmlService } from './html-service';
import { LockRegistry, LockService } from './lock';
import { Console, Logger } from './logger';
import { MailApp } from './mail-app';
import { PropertiesService, PropertyStores } from './properties';
import type { SentMail, UiRecords } from './records';
import { Runtime } from './runtime';
import { ScriptApp, TriggerStore } from './script-app';
import { Session } from './session';
import { parseA1 } from './spreadsheet/a1-notation';
import { isDateValue, readCell } from './spreadsheet/cell-values';
import { createChartsGlobal } from './spreadsheet/charts';
import type { SpreadsheetModel } from './spreadsheet/model';
import { type Spreadsheet, spreadsheetFacade } from './spreadsheet/spreadsheet';
import { createSpreadsheet, SpreadsheetApp } from './spreadsheet/spreadsheet-app';
import { Utilities } from './utilities';

export { ScriptStopped } from './faults';
export { loadBundle } from './load-bundle';
export { renderDocumentHtml } from './document-app';
export { dateToSerial, serialToDate } from './spreadsheet/serial-dates';
export type { CallLog } from './call-log';
export type { Faults, WriteInfo } from './faults';
export type { DriveFileRecord, DriveStore, SharingEvent } from './drive-store';
export type { SentMail, UiRecords } from './records';

export interface EmulatorOptions {
  /** Script and spreadsheet time zone (default 'Europe/Brussels'). */
  timeZone?: string;
  /** The user running executions (default 'owner@agency.test'); also the spreadsheet's owner. */
  user?: string;
  /** Start of the emulated clock (default 2026-01-05T09:00:00Z). */
  now?: Date | number;
  /** Seed of uuids and Drive ids (default 1). */
  seed?: number;
  /** Name of the active spreadsheet (default 'Untitled spreadsheet', as Sheets names a new one). */
  spreadsheetName?: string;
  /** Where HtmlService.createHtmlOutputFromFile reads <name>.html (default 'dist'). */
  htmlDir?: string;
}

export interface Emulator {
  /** The Apps Script globals to hand to the bundle (see loadBundle). */
  globals: Record<string, unknown>;
  /** The active (container-bound) spreadsheet. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  clock: { now(): number; set(t: Date | number): void; advance(ms: number): void };
  /** The user running the current execution ('' for consumer accounts); assigning it calls setUser. */
  user: string;
  setUser(email: string): void;
  calls: CallLog;
  faults: Faults;
  /** Runs fn as one Apps Script execution: its locks are released and its documents saved at the end. */
  execution<T>(fn: () => T, opts?: { user?: string }): T;
  ui: UiRecords;
  mail: SentMail[];
  /** Remaining MailApp quota for the day (default 100). */
  mailQuota: number;
  /** Logger.log and console output. */
  logs: string[];
  /** Sets the active sheet and its selected range(s). */
  setSelection(sheetName: string, a1: string | string[]): void;
  /** Sheet name -> values of its data range (Dates as ISO strings), for equality checks. */
  snapshot(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, unknown[][]>;
  /** Every Drive item with contents and sharing. */
  files: DriveStore;
  /** Runs each installed time-driven trigger's handler once, each in its own execution; returns the handler names. */
  fireTimeTriggers(bundle: Record<string, unknown>): string[];
}

const DEFAULT_NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

function modelOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetModel {
  return (ss as unknown as Spreadsheet)._model;
}

/** Creates an emulator with one active spreadsheet owned by the user. */
export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const now = opts.now === undefined ? DEFAULT_NOW : typeof opts.now === 'number' ? opts.now : opts.now.getTime();
  const rt = new Runtime({ timeZone: opts.timeZone ?? 'Europe/Brussels', user: opts.user ?? 'owner@agency.test', now, seed: opts.seed ?? 1 });
  const active = createSpreadsheet(rt, opts.spreadsheetName ?? 'Untitled spreadsheet', rt.user);
  rt.activeSpreadsheetId = active.id;
  const triggers = new TriggerStore();
  rememberDriveStore(rt.drive);

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetApp(rt),
    PropertiesService: new PropertiesService(rt, new PropertyStores()),
    LockService: new LockService(rt, new LockRegistry(rt)),
    Session: new Session(rt, opts.seed ?? 1),
    Utilities: new Utilities(rt),
    ScriptApp: new ScriptApp(rt, triggers),
    HtmlService: new HtmlService(rt, opts.htmlDir ?? 'dist'),
    DocumentApp: new DocumentApp(rt),
    DriveApp: new DriveApp(rt),
    MailApp: new MailApp(rt),
    Charts: createChartsGlobal(),
    Logger: new Logger(rt),
    console: new Console(rt),
    Date: rt.Date,
  };

  const emu: Emulator = {
    globals,
    spreadsheet: spreadsheetFacade(rt, active) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    clock: rt.clock,
    get user() {
      return rt.user;
    },
    set user(email: string) {
      rt.setUser(email);
    },
    setUser: (email) => rt.setUser(email),
    calls: rt.calls,
    faults: rt.faults,
    execution: (fn, executionOpts) => rt.runExecution(fn, { user: executionOpts?.user }),
    ui: rt.ui,
    mail: rt.mail,
    get mailQuota() {
      return rt.mailQuota;
    },
    set mailQuota(n: number) {
      rt.mailQuota = n;
    },
    logs: rt.logs,
    setSelection(sheetName, a1) {
      const sheet = active.sheetByName(sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      active.activeSheet = sheet;
      active.selection = { sheet, areas: (Array.isArray(a1) ? a1 : [a1]).map((n) => parseA1(n, sheet.maxRows, sheet.maxColumns).area) };
    },
    snapshot(ss) {
      const model = ss ? modelOf(ss) : active;
      const result: Record<string, unknown[][]> = {};
      for (const sheet of model.sheets) {
        const rows: unknown[][] = [];
        for (let r = 0; r < sheet.lastRow(); r += 1) {
          const line: unknown[] = [];
          for (let c = 0; c < sheet.lastColumn(); c += 1) {
            const value = readCell(sheet.get(r, c), model.timeZone, Date);
            line.push(isDateValue(value) ? value.toISOString() : value);
          }
          rows.push(line);
        }
        result[sheet.name] = rows;
      }
      return result;
    },
    files: rt.drive,
    fireTimeTriggers(bundle) {
      const ran: string[] = [];
      for (const trigger of triggers.triggers.filter((t) => t.eventType === 'CLOCK')) {
        const handler = bundle[trigger.handler];
        if (typeof handler !== 'function') throw new Error(`Script function not found: ${trigger.handler}`);
        const at = new Date(rt.clock.now());
        rt.runExecution(
          () =>
            handler({
              authMode: 'FULL',
              triggerUid: trigger.id,
              timezone: rt.scriptTimeZone,
              year: at.getUTCFullYear(),
              month: at.getUTCMonth() + 1,
              'day-of-month': at.getUTCDate(),
              hour: at.getUTCHours(),
              minute: at.getUTCMinutes(),
              second: at.getUTCSeconds(),
            }),
          {
            user: trigger.user,
            trigger: true,
            spreadsheetId: trigger.documentId || undefined,
          },
        );
        ran.push(trigger.handler);
      }
      return ran;
    },
  };
  return emu;
}
