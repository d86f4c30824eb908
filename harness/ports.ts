/**
 * In-memory ports for unit tests of the use cases (src/app) without the built bundle:
 * properties in Maps, a lock that is always free (or always busy), a fixed clock, a mailer
 * and triggers that record what they were asked to do. The workbook and its files are the
 * emulator's (an in-memory SpreadsheetApp and DriveApp), set up by `setUpWorkbook`.
 */
import { createEmulator, type Emulator } from '../emulator/index';
import { gasFiles } from '../src/drive/files';
import type { MailMessage, Properties, Services } from '../src/services/ports';
import { zoneFormatter } from '../src/services/zone-clock';
import { setUpWorkbook } from '../src/sheets/setup';

export const AUTHORIZER = 'owner@agency.test';

/** Properties kept in a Map. */
export function memoryProperties(initial: Record<string, string> = {}): Properties {
  const values = new Map(Object.entries(initial));
  return {
    getProperty: (key) => values.get(key) ?? null,
    setProperty: (key, value) => values.set(key, String(value)),
    deleteProperty: (key) => values.delete(key),
    getProperties: () => Object.fromEntries(values),
  };
}

/** In-memory ports and what they recorded. */
export interface MemoryPorts {
  services: Services;
  emu: Emulator;
  documentProperties: Properties;
  userProperties: Properties;
  sent: MailMessage[];
  triggers: string[];
  /** Switches the signed-in user. */
  signIn(email: string): void;
  /** Moves the clock on. */
  advance(ms: number): void;
}

export interface MemoryOptions {
  user?: string;
  now?: number;
  /** The lock is held by someone else: every tryLock fails. */
  busy?: boolean;
  /** Authorizers in Settings (default: the AUTHORIZER). */
  authorizers?: string[];
}

/** A set-up workbook behind in-memory ports; UTC, Monday 2026-01-05 09:00 by default. */
export function memoryPorts(opts: MemoryOptions = {}): MemoryPorts {
  const emu = createEmulator({ timeZone: 'UTC', spreadsheetName: 'Agency' });
  const g = emu.globals as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    DriveApp: GoogleAppsScript.Drive.DriveApp;
    DocumentApp: GoogleAppsScript.Document.DocumentApp;
  };
  setUpWorkbook(emu.spreadsheet, g.SpreadsheetApp);
  const settings = { authorizers: opts.authorizers ?? [AUTHORIZER] };
  const documentProperties = memoryProperties({ 'prepaidTime.settings': JSON.stringify(settings) });
  const userProperties = memoryProperties();
  const sent: MailMessage[] = [];
  const triggers: string[] = [];
  let user = opts.user ?? AUTHORIZER;
  let ids = 0;
  let now = opts.now ?? Date.UTC(2026, 0, 5, 9);
  const services: Services = {
    spreadsheet: emu.spreadsheet,
    sheetsApp: g.SpreadsheetApp,
    documentLock: () => ({ tryLock: () => !opts.busy, releaseLock: () => undefined }),
    documentProperties: () => documentProperties,
    userProperties: () => userProperties,
    userEmail: () => user,
    uuid: () => `00000000-0000-4000-8000-${(++ids).toString(16).padStart(12, '0')}`,
    now: () => now,
    timeZone: () => 'UTC',
    formatDate: zoneFormatter('UTC', () => {
      throw new Error('memoryPorts formats only yyyy MM dd HH mm ss patterns');
    }),
    flush: () => undefined,
    files: gasFiles(g.DriveApp, g.SpreadsheetApp, g.DocumentApp),
    mailer: { remainingDailyQuota: () => 100 - sent.length, send: (message) => void sent.push(message) },
    triggers: {
      count: (handler) => triggers.filter((t) => t === handler).length,
      installHourly: (handler) => void triggers.push(handler),
      removeAll: (handler) => void triggers.splice(0, triggers.length, ...triggers.filter((t) => t !== handler)),
    },
  };
  return { services, emu, documentProperties, userProperties, sent, triggers, signIn: (email) => (user = email), advance: (ms) => (now += ms) };
}
