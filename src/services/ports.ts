/**
 * The narrow ports the use cases receive instead of raw Apps Script services: each says
 * only what the add-on needs, so tests hand in small in-memory stand-ins (see
 * harness/ports.ts) and the Apps Script implementation (`gas-services.ts`) is the one
 * place that touches the globals.
 */
import type { Files } from '../drive/files';
import type { SheetsApp } from '../sheets/setup';

/** A key-value store of strings: the document's or the user's properties. */
export interface Properties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getProperties(): Record<string, string>;
}

/** The document lock. */
export interface Lock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** Time, in the spreadsheet's time zone. */
export interface Clock {
  /** Now, in epoch milliseconds, whole seconds (sheet timestamps are not millisecond-exact). */
  now(): number;
  timeZone(): string;
  formatDate(time: number, pattern: string): string;
}

/** One email with attachments, as the invoicing run sends it. */
export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  name: string;
  attachments?: GoogleAppsScript.Base.Blob[];
}

/** Sending email. */
export interface Mailer {
  remainingDailyQuota(): number;
  send(message: MailMessage): void;
}

/** The current user's hourly time-driven triggers in this workbook. */
export interface Triggers {
  /** How many of the user's clock triggers in this workbook call `handler`. */
  count(handler: string): number;
  installHourly(handler: string): void;
  removeAll(handler: string): void;
}

/**
 * The ports a use case receives: the workbook and its sheets (read through the
 * repositories in src/sheets), the clock, the lock, the properties, the user, files,
 * mail and triggers. Each member is narrow; none is a raw Apps Script service.
 */
export interface Services extends Clock {
  /** The workbook the add-on runs in; the sheet repositories read and write it. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Validation builders and protection types, for setting up the sheets. */
  sheetsApp: SheetsApp;
  documentLock(): Lock;
  documentProperties(): Properties;
  userProperties(): Properties;
  /** The signed-in user's email, '' when Google does not say (consumer accounts in some contexts). */
  userEmail(): string;
  uuid(): string;
  /** Pushes pending sheet writes before a lock is released. */
  flush(): void;
  files: Files;
  mailer: Mailer;
  triggers: Triggers;
}
