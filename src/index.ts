/**
 * The add-on's entry points: thin global functions for menus, triggers and
 * `google.script.run`. Each builds the Apps Script ports and calls a use case; a refused
 * result is thrown (`unwrap`) as an error with the refusal's code and message, which is
 * how `google.script.run` hands the sidebar its message. The build turns every export
 * here into a top-level `function` declaration in dist/Code.js.
 */
import {
  exportPrepaidLog as exportPrepaidLogCase,
  exportPrepaidLogFromMenu,
  type ExportOptions,
  shareClientLog as shareClientLogCase,
  unshareClientLog as unshareClientLogCase,
} from './app/client-log';
import {
  getInvoicingStatus as getInvoicingStatusCase,
  installInvoicingTrigger as installInvoicingTriggerCase,
  invoiceClientNow as invoiceClientNowCase,
  markInvoicePaid as markInvoicePaidCase,
  removeInvoicingTrigger as removeInvoicingTriggerCase,
  runAutomaticInvoicing as runAutomaticInvoicingCase,
} from './app/invoicing';
import {
  acceptLedgerEdit as acceptLedgerEditCase,
  addCredits as addCreditsCase,
  adjustCredits as adjustCreditsCase,
  type AuthorizeOptions,
  archiveBefore as archiveBeforeCase,
  authorizeEntries as authorizeEntriesCase,
  authorizeSelection as authorizeSelectionCase,
  authorizeTicked as authorizeTickedCase,
  checkLedger as checkLedgerCase,
  previewArchive as previewArchiveCase,
  restoreLedgerRow as restoreLedgerRowCase,
  reverseEntries as reverseEntriesCase,
} from './app/ledger';
import { getSidebarData as getSidebarDataCase, type SidebarFilter, showSidebar as showSidebarCase } from './app/sidebar';
import {
  getTimer as getTimerCase,
  logTime as logTimeCase,
  type StopOptions,
  startTimer as startTimerCase,
  stopTimer as stopTimerCase,
  type TimeEntryInput,
} from './app/time-entries';
import {
  addClient as addClientCase,
  buildMenu,
  type ClientSettingsInput,
  getSettings as getSettingsCase,
  type NewClientInput,
  reportToUser,
  saveClientSettings as saveClientSettingsCase,
  saveSettings as saveSettingsCase,
  setUpSheets as setUpSheetsCase,
} from './app/workbook';
import { unwrap } from './core/result';
import { gasActiveSpreadsheet, gasHtml, gasServices, gasUi } from './services/gas-services';

/** Builds the add-on menu. In AuthMode.NONE (before the add-on is authorized here) only the menu is built. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(gasUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setUpSheets() {
  return unwrap(setUpSheetsCase(gasServices()));
}

export function addCredits(client: string, hours: number | string, note: string, requestId?: string) {
  return unwrap(addCreditsCase(gasServices(), client, hours, note, requestId));
}

export function adjustCredits(client: string, hours: number | string, reason: string, requestId?: string) {
  return unwrap(adjustCreditsCase(gasServices(), client, hours, reason, requestId));
}

/** Authorizes these entries; flagged ones (over 12 h, a day over 24 h, dated after today) only when listed in `options.confirmed`. */
export function authorizeEntries(entryIds: string[], options?: AuthorizeOptions) {
  return authorizeEntriesCase(gasServices(), entryIds, options);
}

export function authorizeTicked() {
  return authorizeTickedCase(gasServices());
}

export function authorizeSelection() {
  return unwrap(authorizeSelectionCase(gasServices()));
}

export function reverseEntries(entryIds: string[], reason: string) {
  return unwrap(reverseEntriesCase(gasServices(), entryIds, reason));
}

export function getSettings() {
  return getSettingsCase(gasServices());
}

export function saveSettings(settings: Record<string, unknown>) {
  return unwrap(saveSettingsCase(gasServices(), settings));
}

/** Moves authorized entries and log rows from before `date` (yyyy-mm-dd) to the yearly archive. */
export function archiveBefore(date: string) {
  return unwrap(archiveBeforeCase(gasServices(), date));
}

/** What archiveBefore(date) would move, per year, and the balances carried forward; writes nothing (authorizers only). */
export function previewArchive(date: string) {
  return unwrap(previewArchiveCase(gasServices(), date));
}

export function checkLedger() {
  return checkLedgerCase(gasServices());
}

/** Accepts a hand edit of the prepaid log as it now stands, with a reason, re-sealing the chain (authorizers only). */
export function acceptLedgerEdit(logId: string, reason: string) {
  return unwrap(acceptLedgerEditCase(gasServices(), logId, reason));
}

/** Puts a hand-edited log row back as the add-on sealed it (authorizers only). */
export function restoreLedgerRow(logId: string) {
  return unwrap(restoreLedgerRowCase(gasServices(), logId));
}

/** Opens the Prepaid Time sidebar. */
export function showSidebar(): void {
  showSidebarCase(gasUi(), gasHtml());
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
  return unwrap(saveClientSettingsCase(gasServices(), client, settings));
}

/** Adds a client to Credits, each field checked (authorizers only). */
export function addClient(input: NewClientInput) {
  return unwrap(addClientCase(gasServices(), input));
}

/** Creates or refreshes the client's own prepaid log spreadsheet and returns its URL (authorizers only). */
export function exportPrepaidLog(client: string, options?: ExportOptions) {
  return unwrap(exportPrepaidLogCase(gasServices(), client, options));
}

/** Shares the client's prepaid log file view-only with one email (authorizers only). */
export function shareClientLog(client: string, email: string) {
  return unwrap(shareClientLogCase(gasServices(), client, email));
}

/** Takes back a share of the client's prepaid log file (authorizers only). */
export function unshareClientLog(client: string, email: string) {
  return unwrap(unshareClientLogCase(gasServices(), client, email));
}

export function menuExportPrepaidLog(): void {
  exportPrepaidLogFromMenu(gasServices(), gasUi());
}

/** Invoices the clients whose balance crossed below their minimum; also the hourly trigger's handler (its event says it is the trigger). */
export function runAutomaticInvoicing(e?: GoogleAppsScript.Events.TimeDriven) {
  return unwrap(runAutomaticInvoicingCase(gasServices(), { fromTrigger: Boolean(e && typeof e === 'object' && 'triggerUid' in e) }));
}

/** Invoices one client now, also with Auto-invoice off; once per drop below its minimum (authorizers only). */
export function invoiceClientNow(client: string) {
  return unwrap(invoiceClientNowCase(gasServices(), client));
}

/** Marks an Open invoice Paid (crediting its hours when Settings credit on payment). */
export function markInvoicePaid(invoiceNo: string) {
  return unwrap(markInvoicePaidCase(gasServices(), invoiceNo));
}

/** Turns on hourly invoicing for this workbook, as the current user. */
export function installInvoicingTrigger() {
  return unwrap(installInvoicingTriggerCase(gasServices()));
}

/** Turns off the current user's hourly invoicing trigger for this workbook. */
export function removeInvoicingTrigger() {
  return unwrap(removeInvoicingTriggerCase(gasServices()));
}

/** Whether hourly invoicing is on, and what its last run did. */
export function getInvoicingStatus() {
  return getInvoicingStatusCase(gasServices());
}

function fromMenu(action: () => { summary: string }): void {
  reportToUser(gasActiveSpreadsheet(), gasUi(), action);
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
