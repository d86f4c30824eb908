/**
 * Every mutating operation of the server API, each with a workbook on which it has work
 * to do and the call a person (or the hourly trigger) makes. The fault cases stop each
 * one after every write; the interleavings run them against each other. Calls that a
 * sidebar form sends with a request ID (addCredits, adjustCredits) are made with one,
 * as the sidebar makes them.
 */
import type { Addon } from '../addon';
import { type Forgery, forge } from './forged';
import { CLIENT_VIEWER, invoicedWorkbook, OPEN_ENTRIES, OWNER, trustWorkbook, workbookAcrossYears, type Variant } from './trust-workbook';

export interface Operation {
  name: string;
  /** A fresh workbook on which the operation has work to do. */
  prepare(variant: Variant): Addon;
  /** Runs the operation once, as its own execution (or executions, for the trigger). */
  run(addon: Addon): unknown;
}

/** Runs the hourly invoicing trigger as the authorizer who installed it. */
export function fireTrigger(addon: Addon): string[] {
  return addon.emu.fireTimeTriggers(addon.bundle);
}

function withTrigger(addon: Addon): Addon {
  addon.server.installInvoicingTrigger();
  return addon;
}

/** For setUpSheets: the workbook without its Invoices sheet and two columns of Time entries. */
function damagedWorkbook(variant: Variant): Addon {
  const addon = trustWorkbook(variant);
  const ss = addon.emu.spreadsheet;
  const invoices = ss.getSheetByName('Invoices');
  if (invoices) ss.deleteSheet(invoices);
  const entries = ss.getSheetByName('Time entries')!;
  const headers = entries.getRange(1, 1, 1, entries.getLastColumn()).getValues()[0].map(String);
  for (const header of ['Authorized at', 'Person']) entries.deleteColumn(headers.indexOf(header) + 1);
  return addon;
}

/** The workbook with E-1, E-2 and E-3 authorized while invoicing after authorization was off: Acme and Beta wait below their minimum. */
function trustWorkbookBelowMinimum(variant: Variant): Addon {
  const addon = trustWorkbook({ ...variant, invoiceAfterAuthorization: false });
  addon.server.authorizeEntries(['E-1', 'E-2', 'E-3']);
  if (variant.invoiceAfterAuthorization) addon.server.saveSettings({ invoiceAfterAuthorization: true });
  return addon;
}

/** The workbook with Acme Labs (Auto-invoice off) corrected below zero: only invoiceClientNow invoices it. */
function acmeLabsBelowZero(variant: Variant): Addon {
  const addon = trustWorkbook(variant);
  addon.server.adjustCredits('Acme Labs', '-5', 'Hours billed elsewhere', 'req-labs-below');
  return addon;
}

/** The row each forged workbook's hand edit is named by, as the sidebar would send it. */
const forgedRow = new WeakMap<Addon, string>();

/** The trust workbook after an authorizer's hand edit of its Prepaid log (data row `pick`). */
function forgedWorkbook(variant: Variant, forgery: Forgery, pick: number): Addon {
  const addon = trustWorkbook(variant);
  forge(addon, forgery, pick);
  forgedRow.set(addon, addon.server.getSidebarData({}).ledger.problem?.ref ?? '(no break)');
  return addon;
}

/** Acme's invoice in the invoiced workbook (fixed, so a re-run pays the same one). */
const ACME_INVOICE = 'INV-2026-0001';

export const OPERATIONS: Operation[] = [
  { name: 'authorizeEntries', prepare: trustWorkbook, run: (a) => a.server.authorizeEntries([...OPEN_ENTRIES, 'E-4']) },
  { name: 'authorizeTicked', prepare: trustWorkbook, run: (a) => a.server.authorizeTicked() },
  {
    name: 'reverseEntries',
    prepare: (v) => {
      const addon = trustWorkbook(v);
      addon.server.authorizeEntries(['E-1', 'E-2']);
      return addon;
    },
    run: (a) => a.server.reverseEntries(['E-1', 'E-4', 'E-3'], 'Logged against the wrong client'),
  },
  { name: 'addCredits', prepare: trustWorkbook, run: (a) => a.server.addCredits('Acme', '7:30', 'Block 2', 'req-add-1') },
  { name: 'adjustCredits', prepare: trustWorkbook, run: (a) => a.server.adjustCredits('Beta', '-2:30', 'Audit billed twice', 'req-adjust-1') },
  { name: 'runAutomaticInvoicing (trigger)', prepare: (v) => withTrigger(trustWorkbookBelowMinimum(v)), run: fireTrigger },
  { name: 'runAutomaticInvoicing (menu)', prepare: trustWorkbookBelowMinimum, run: (a) => a.server.runAutomaticInvoicing() },
  { name: 'markInvoicePaid', prepare: invoicedWorkbook, run: (a) => a.server.markInvoicePaid(ACME_INVOICE) },
  { name: 'invoiceClientNow', prepare: acmeLabsBelowZero, run: (a) => a.server.invoiceClientNow('Acme Labs') },
  {
    name: 'addClient',
    prepare: trustWorkbook,
    run: (a) => a.server.addClient({ name: 'Gamma', billingEmail: 'ap@gamma.test', hourlyRate: '80', currency: 'EUR', minimumHours: 2, topUpHours: 10 }),
  },
  { name: 'exportPrepaidLog (new file, PDF)', prepare: trustWorkbook, run: (a) => a.server.exportPrepaidLog('Beta', { pdf: true }) },
  {
    name: 'exportPrepaidLog (refresh, period)',
    prepare: trustWorkbook,
    run: (a) => a.server.exportPrepaidLog('Acme', { from: '2026-01-01', to: '2026-12-31' }),
  },
  { name: 'shareClientLog (new file)', prepare: trustWorkbook, run: (a) => a.server.shareClientLog('Beta', 'finance@beta.test') },
  { name: 'shareClientLog (second person)', prepare: trustWorkbook, run: (a) => a.server.shareClientLog('Acme', 'cfo@acme.test') },
  { name: 'unshareClientLog', prepare: (v) => trustWorkbook({ ...v, clientLog: true }), run: (a) => a.server.unshareClientLog('Acme', CLIENT_VIEWER) },
  { name: 'archiveBefore', prepare: workbookAcrossYears, run: (a) => a.server.archiveBefore('2026-01-01') },
  {
    name: 'restoreLedgerRow (hours changed)',
    prepare: (v) => forgedWorkbook(v, 'hours changed', 1),
    run: (a) => a.server.restoreLedgerRow(forgedRow.get(a) ?? ''),
  },
  {
    name: 'restoreLedgerRow (row deleted)',
    prepare: (v) => forgedWorkbook(v, 'row deleted', 0),
    run: (a) => a.server.restoreLedgerRow(forgedRow.get(a) ?? ''),
  },
  {
    name: 'acceptLedgerEdit (row inserted)',
    prepare: (v) => forgedWorkbook(v, 'row inserted', 2),
    run: (a) => a.server.acceptLedgerEdit(forgedRow.get(a) ?? '', 'Paid by phone'),
  },
  {
    name: 'acceptLedgerEdit (client changed)',
    prepare: (v) => forgedWorkbook(v, 'client changed', 0),
    run: (a) => a.server.acceptLedgerEdit(forgedRow.get(a) ?? '', 'Booked on the wrong client'),
  },
  { name: 'setUpSheets', prepare: damagedWorkbook, run: (a) => a.as(OWNER).setUpSheets() },
  {
    name: 'saveClientSettings',
    prepare: trustWorkbook,
    run: (a) =>
      a.server.saveClientSettings('Acme Labs', {
        minimumHours: '3:30',
        topUpHours: 12,
        hourlyRate: '95.50',
        autoInvoice: true,
        billingEmail: 'billing@labs.test',
      }),
  },
  { name: 'logTime', prepare: trustWorkbook, run: (a) => a.server.logTime({ date: '2026-01-06', client: 'Beta', description: 'Call', hours: '1h15' }) },
  {
    name: 'stopTimer',
    prepare: (v) => {
      const addon = trustWorkbook(v);
      addon.server.startTimer('Acme', 'Workshop');
      addon.emu.clock.advance(95 * 60_000);
      return addon;
    },
    run: (a) => a.server.stopTimer(),
  },
];
