/**
 * The add-on's entry points: thin global functions for menus, triggers and
 * `google.script.run`. Each builds the Apps Script services and calls a use case; the
 * build turns every export here into a top-level `function` declaration in dist/Code.js.
 */
import { archiveBefore as archiveBeforeCase, previewArchive as previewArchiveCase } from './app/archive';
import {
  authorizeEntries as authorizeEntriesCase,
  authorizeSelection as authorizeSelectionCase,
  authorizeTicked as authorizeTickedCase,
  type AuthorizeOptions,
} from './app/authorize-entries';
import { checkLedger as checkLedgerCase } from './app/check-ledger';
import { acceptLedgerEdit as acceptLedgerEditCase, restoreLedgerRow as restoreLedgerRowCase } from './app/ledger-edits';
import {
  exportPrepaidLog as exportPrepaidLogCase,
  shareClientLog as shareClientLogCase,
  unshareClientLog as unshareClientLogCase,
  type ExportOptions,
} from './app/client-log';
import { exportPrepaidLogFromMenu } from './app/client-log-menu';
import { addCredits as addCreditsCase, adjustCredits as adjustCreditsCase } from './app/credits';
import {
  invoiceClientNow as invoiceClientNowCase,
  markInvoicePaid as markInvoicePaidCase,
  runAutomaticInvoicing as runAutomaticInvoicingCase,
} from './app/invoicing';
import {
  getInvoicingStatus as getInvoicingStatusCase,
  installInvoicingTrigger as installInvoicingTriggerCase,
  removeInvoicingTrigger as removeInvoicingTriggerCase,
} from './app/invoicing-trigger';
import { buildMenu, reportToUser } from './app/menu';
import { reverseEntries as reverseEntriesCase } from './app/reverse-entries';
import { getSettings as getSettingsCase, saveSettings as saveSettingsCase } from './app/settings';
import { setUpSheets as setUpSheetsCase } from './app/setup-sheets';
import { addClient as addClientCase, saveClientSettings as saveClientSettingsCase, type ClientSettingsInput, type NewClientInput } from './app/client-settings';
import { showSidebar as showSidebarCase } from './app/show-sidebar';
import { getSidebarData as getSidebarDataCase, type SidebarFilter } from './app/sidebar-data';
import {
  getTimer as getTimerCase,
  logTime as logTimeCase,
  startTimer as startTimerCase,
  stopTimer as stopTimerCase,
  type StopOptions,
  type TimeEntryInput,
} from './app/track-time';
import { gasServices } from './services/services';

/** Builds the add-on menu. In AuthMode.NONE (before the add-on is authorized here) only the menu is built. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setUpSheets() {
  return setUpSheetsCase(gasServices());
}

export function addCredits(client: string, hours: number | string, note: string, requestId?: string) {
  return addCreditsCase(gasServices(), client, hours, note, requestId);
}

export function adjustCredits(client: string, hours: number | string, reason: string, requestId?: string) {
  return adjustCreditsCase(gasServices(), client, hours, reason, requestId);
}

/** Authorizes these entries; flagged ones (over 12 h, a day over 24 h, dated after today) only when listed in `options.confirmed`. */
export function authorizeEntries(entryIds: string[], options?: AuthorizeOptions) {
  return authorizeEntriesCase(gasServices(), entryIds, options);
}

export function authorizeTicked() {
  return authorizeTickedCase(gasServices());
}

export function authorizeSelection() {
  return authorizeSelectionCase(gasServices());
}

export function reverseEntries(entryIds: string[], reason: string) {
  return reverseEntriesCase(gasServices(), entryIds, reason);
}

export function getSettings() {
  return getSettingsCase(gasServices());
}

export function saveSettings(settings: Record<string, unknown>) {
  return saveSettingsCase(gasServices(), settings);
}

/** Moves authorized entries and log rows from before `date` (yyyy-mm-dd) to the yearly archive. */
export function archiveBefore(date: string) {
  return archiveBeforeCase(gasServices(), date);
}

/** What archiveBefore(date) would move, per year, and the balances carried forward; writes nothing (authorizers only). */
export function previewArchive(date: string) {
  return previewArchiveCase(gasServices(), date);
}

export function checkLedger() {
  return checkLedgerCase(gasServices());
}

/** Accepts a hand edit of the prepaid log as it now stands, with a reason, re-sealing the chain (authorizers only). */
export function acceptLedgerEdit(logId: string, reason: string) {
  return acceptLedgerEditCase(gasServices(), logId, reason);
}

/** Puts a hand-edited log row back as the add-on sealed it (authorizers only). */
export function restoreLedgerRow(logId: string) {
  return restoreLedgerRowCase(gasServices(), logId);
}

/** Opens the Prepaid Time sidebar. */
export function showSidebar(): void {
  showSidebarCase(SpreadsheetApp.getUi(), HtmlService);
}

/** Everything a sidebar panel shows, in one read: user, permission, settings, clients, filtered entries and preview totals. */
export function getSidebarData(filter?: SidebarFilter) {
  return getSidebarDataCase(gasServices(), filter);
}

/** Logs a time entry from the sidebar's form (anyone who can edit); bad fields come back with a message each. */
export function logTime(entry: TimeEntryInput) {
  return logTimeCase(gasServices(), entry);
}

/** Starts the signed-in user's timer; a running one is stopped and logged first. */
export function startTimer(client: string, description: string) {
  return startTimerCase(gasServices(), client, description);
}

/** Stops the signed-in user's timer and logs the time in whole minutes; a short one asks first ({ confirm: true } logs it, { discard: true } drops it). */
export function stopTimer(options?: StopOptions) {
  return stopTimerCase(gasServices(), options);
}

/** The signed-in user's running timer, or null. */
export function getTimer() {
  return getTimerCase(gasServices());
}

/** Saves a client's thresholds and billing settings in Credits (authorizers only). */
export function saveClientSettings(client: string, settings: ClientSettingsInput) {
  return saveClientSettingsCase(gasServices(), client, settings);
}

/** Adds a client to Credits, each field checked (authorizers only). */
export function addClient(input: NewClientInput) {
  return addClientCase(gasServices(), input);
}

/** Creates or refreshes the client's own prepaid log spreadsheet and returns its URL (authorizers only). */
export function exportPrepaidLog(client: string, options?: ExportOptions) {
  return exportPrepaidLogCase(gasServices(), client, options);
}

/** Shares the client's prepaid log file view-only with one email (authorizers only). */
export function shareClientLog(client: string, email: string) {
  return shareClientLogCase(gasServices(), client, email);
}

/** Takes back a share of the client's prepaid log file (authorizers only). */
export function unshareClientLog(client: string, email: string) {
  return unshareClientLogCase(gasServices(), client, email);
}

export function menuExportPrepaidLog(): void {
  exportPrepaidLogFromMenu(gasServices(), SpreadsheetApp.getUi());
}

/** Invoices the clients whose balance crossed below their minimum; also the hourly trigger's handler (its event says it is the trigger). */
export function runAutomaticInvoicing(e?: GoogleAppsScript.Events.TimeDriven) {
  return runAutomaticInvoicingCase(gasServices(), { fromTrigger: Boolean(e && typeof e === 'object' && 'triggerUid' in e) });
}

/** Invoices one client now, also with Auto-invoice off; once per drop below its minimum (authorizers only). */
export function invoiceClientNow(client: string) {
  return invoiceClientNowCase(gasServices(), client);
}

/** Marks an Open invoice Paid (crediting its hours when Settings credit on payment). */
export function markInvoicePaid(invoiceNo: string) {
  return markInvoicePaidCase(gasServices(), invoiceNo);
}

/** Turns on hourly invoicing for this workbook, as the current user. */
export function installInvoicingTrigger() {
  return installInvoicingTriggerCase(gasServices());
}

/** Turns off the current user's hourly invoicing trigger for this workbook. */
export function removeInvoicingTrigger() {
  return removeInvoicingTriggerCase(gasServices());
}

/** Whether hourly invoicing is on, and what its last run did. */
export function getInvoicingStatus() {
  return getInvoicingStatusCase(gasServices());
}

function fromMenu(action: () => { summary: string }): void {
  reportToUser(SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getUi(), action);
}

export function menuAuthorizeTicked(): void {
  fromMenu(authorizeTicked);
}

export function menuAuthorizeSelection(): void {
  fromMenu(authorizeSelection);
}

export function menuRunInvoicing(): void {
  fromMenu(runAutomaticInvoicing);
}

export function menuCheckLedger(): void {
  fromMenu(checkLedger);
}

export function menuSetUpSheets(): void {
  fromMenu(setUpSheets);
}
