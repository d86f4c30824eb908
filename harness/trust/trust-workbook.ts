/**
 * The workbooks the fault and concurrency cases run on: three clients, two of them
 * invoicing themselves, open entries that take both below their minimum (so authorizing
 * them also invoices, and refreshes a client log), an entry without an Entry ID, a bad
 * one, one for a client not in Credits, ticked boxes, and a second authorizer. Variants
 * turn the settings that change which writes an operation makes.
 */
import type { Addon } from '../addon';
import { BETA } from '../invoicing';
import { addClients, addEntries, addonWithSheets, OWNER } from '../workbook';

export { OWNER };
/** A second authorizer, for two people authorizing at once. */
export const SECOND = 'second@agency.test';
/** Someone who may edit the workbook and log time, but not authorize. */
export const EDITOR = 'editor@agency.test';
/** Acme's accounts payable: the client log of Acme is shared with them, view only. */
export const CLIENT_VIEWER = 'ap@acme.test';

export interface Variant {
  name: string;
  invoiceAfterAuthorization: boolean;
  creditOn: 'payment' | 'issue';
  emailInvoices: boolean;
  /** Whether Acme has a client log file, shared with its accounts payable. */
  clientLog: boolean;
}

export const BASE: Variant = { name: 'base', invoiceAfterAuthorization: true, creditOn: 'payment', emailInvoices: false, clientLog: true };

/** The settings combinations that change which writes the operations make. */
export const VARIANTS: Variant[] = [
  BASE,
  { name: 'credit on issue, email on', invoiceAfterAuthorization: true, creditOn: 'issue', emailInvoices: true, clientLog: true },
  { name: 'no invoicing after authorization', invoiceAfterAuthorization: false, creditOn: 'payment', emailInvoices: false, clientLog: true },
  { name: 'no client log', invoiceAfterAuthorization: true, creditOn: 'payment', emailInvoices: true, clientLog: false },
];

/** Entries the workbook holds open, by Entry ID; the row without an Entry ID is ticked. */
export const OPEN_ENTRIES = ['E-1', 'E-2', 'E-3', 'E-5', 'E-BAD', 'E-GONE'];

export function trustWorkbook(variant: Variant, opts: { now?: number } = {}): Addon {
  const addon = addonWithSheets(opts.now === undefined ? {} : { now: opts.now });
  addon.server.saveSettings({
    authorizers: [OWNER, SECOND],
    invoiceAfterAuthorization: variant.invoiceAfterAuthorization,
    creditOn: variant.creditOn,
    emailInvoices: variant.emailInvoices,
  });
  addClients(addon, [
    { Client: 'Acme', 'Billing email': CLIENT_VIEWER, 'Hourly rate': 90, 'Minimum balance (h)': 5, 'Top-up (h)': 20, 'Auto-invoice': true },
    { Client: 'Acme Labs', 'Minimum balance (h)': 2, 'Top-up (h)': 10 },
    BETA,
  ]);
  addon.server.addCredits('Acme', 10, 'Initial block');
  addon.server.addCredits('Acme Labs', 4, 'Initial block');
  addon.server.addCredits('Beta', 4, 'Initial block');
  const day = opts.now === undefined ? '2026-01-05' : new Date(opts.now).toISOString().slice(0, 10);
  addEntries(addon, [
    { 'Entry ID': 'E-1', Date: day, Client: 'Acme', Hours: '4:00', Description: 'Design', Person: 'Ann' },
    { 'Entry ID': 'E-2', Date: day, Client: 'Acme', Hours: 2, Description: 'Build', Person: 'Bob' },
    { 'Entry ID': 'E-3', Date: day, Client: 'Beta', Hours: '2h30', Description: 'Audit', Person: 'Ann' },
    { 'Entry ID': 'E-4', Date: day, Client: 'Acme Labs', Hours: '45m', Description: 'Review', Person: 'Bob' },
    { 'Entry ID': 'E-5', Date: day, Client: 'Acme Labs', Hours: 1, Description: 'Fix', Person: 'Ann', Select: true },
    { Date: day, Client: 'Acme Labs', Hours: '0:30', Description: 'No ID yet', Person: 'Bob', Select: true },
    { 'Entry ID': 'E-BAD', Date: day, Client: 'Acme', Hours: 'two hours', Description: 'Typo', Person: 'Ann' },
    { 'Entry ID': 'E-GONE', Date: day, Client: 'Globex', Hours: 1, Description: 'Wrong client', Person: 'Bob' },
  ]);
  addon.server.authorizeEntries(['E-4']);
  if (variant.clientLog) addon.server.shareClientLog('Acme', CLIENT_VIEWER);
  return addon;
}

/** The workbook with Acme and Beta below their minimum and invoiced by the hourly run: two Open invoices. */
export function invoicedWorkbook(variant: Variant): Addon {
  const addon = trustWorkbook({ ...variant, invoiceAfterAuthorization: false });
  addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
  addon.server.runAutomaticInvoicing();
  if (variant.invoiceAfterAuthorization) addon.server.saveSettings({ invoiceAfterAuthorization: true });
  return addon;
}

/** A workbook whose log and entries span two years, so archiving has rows to move. */
export function workbookAcrossYears(variant: Variant): Addon {
  const addon = trustWorkbook(variant, { now: Date.UTC(2025, 10, 3, 9) });
  addon.server.authorizeEntries(['E-1', 'E-3']);
  addon.emu.clock.set(Date.UTC(2026, 1, 2, 9));
  addon.server.reverseEntries(['E-1'], 'Billed twice by mistake');
  addEntries(addon, [{ 'Entry ID': 'E-NEW', Date: '2026-02-02', Client: 'Beta', Hours: 0.5, Description: 'New year', Person: 'Ann' }]);
  addon.server.authorizeEntries(['E-NEW']);
  return addon;
}
