/**
 * The narrow ports the use cases receive instead of raw Apps Script services: each says
 * only what the add-on needs, so tests hand in small in-memory stand-ins (see
 * harness/ports.ts) and the Apps Script implementation (`gas-services.ts`) is the one
 * place that touches the globals.
 */

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
  attachments: GoogleAppsScript.Base.Blob[];
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
