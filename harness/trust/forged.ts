/**
 * The forged-ledger family: an authorizer edits the Prepaid log by hand (Hours changed,
 * Client changed, a row inserted, a row deleted, two rows swapped) after any history of
 * top-ups, adjustments, authorizations and reversals. Every ledger action must then refuse,
 * naming the row, and write nothing at all; logging time must still work; and both ways
 * back must resume the actions: Restore puts the log back exactly as it was sealed, and
 * Accept keeps it as it stands with Re-seal rows, after which the ledger checks clean and
 * every balance is the sum of its log.
 */
import fc from 'fast-check';
import type { Addon } from '../addon';
import { readRows } from '../../emulator/sheet-rows';
import { balances } from '../workbook';
import { describeError, verdict, type CaseResult } from './cases';
import type { TrustSize } from './size';
import { CLIENTS, ENTRIES, ledgerWorkbook, play, step, type Step } from './tamper';

export const FORGERIES = ['hours changed', 'client changed', 'row inserted', 'row deleted', 'rows swapped'] as const;
export type Forgery = (typeof FORGERIES)[number];
export type Resolution = 'restore' | 'accept';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function logSheet(addon: Addon): Sheet {
  return addon.emu.spreadsheet.getSheetByName('Prepaid log')!;
}

function column(sheet: Sheet, header: string): number {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String).indexOf(header) + 1;
}

/** Applies the forgery by hand (as the spreadsheet's owner, an authorizer) to data row `pick` (mod the log's length). */
export function forge(addon: Addon, forgery: Forgery, pick: number): void {
  const sheet = logSheet(addon);
  const n = sheet.getLastRow() - 1;
  const row = (pick % n) + 2;
  const width = sheet.getLastColumn();
  if (forgery === 'hours changed') {
    const cell = sheet.getRange(row, column(sheet, 'Hours'));
    cell.setValue(Number(cell.getValue()) + 100);
  } else if (forgery === 'client changed') {
    const cell = sheet.getRange(row, column(sheet, 'Client'));
    cell.setValue(CLIENTS.find((c) => c !== cell.getValue()));
  } else if (forgery === 'row inserted') {
    sheet.insertRowBefore(row);
    const values = sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]
      .map(
        (h) =>
          ({
            'Log ID': 'L-FORGED',
            Timestamp: new Date(Date.UTC(2026, 0, 5, 10)),
            Client: 'Acme',
            Kind: 'Top-up',
            Hours: 100,
            'Balance after (h)': 100,
            Description: 'Prepaid by phone',
            By: 'mia@agency.test',
          })[String(h)] ?? '',
      );
    sheet.getRange(row, 1, 1, width).setValues([values]);
  } else if (forgery === 'row deleted') {
    sheet.deleteRow(row);
  } else {
    const first = Math.min(row, n);
    const a = sheet.getRange(first, 1, 1, width).getValues();
    const b = sheet.getRange(first + 1, 1, 1, width).getValues();
    sheet.getRange(first, 1, 1, width).setValues(b);
    sheet.getRange(first + 1, 1, 1, width).setValues(a);
  }
}

/** Every action that builds on the ledger, with arguments that have work to do. */
const LEDGER_ACTIONS: [string, (a: Addon) => unknown][] = [
  ['authorizeEntries', (a) => a.server.authorizeEntries(ENTRIES)],
  ['authorizeTicked', (a) => a.server.authorizeTicked()],
  ['reverseEntries', (a) => a.server.reverseEntries(ENTRIES, 'Mistake')],
  ['addCredits', (a) => a.server.addCredits('Acme', 5, 'Block')],
  ['adjustCredits', (a) => a.server.adjustCredits('Beta', '-1:00', 'Correction')],
  ['runAutomaticInvoicing', (a) => a.server.runAutomaticInvoicing()],
  ['markInvoicePaid', (a) => a.server.markInvoicePaid('INV-2026-0001')],
  ['invoiceClientNow', (a) => a.server.invoiceClientNow('Acme')],
  // A new client's Balance (h) is the sum of its rows in the log.
  ['addClient', (a) => a.server.addClient({ name: 'Gamma' })],
  ['archiveBefore', (a) => a.server.archiveBefore('2026-12-31')],
  // It writes nothing, but the balances it says are carried forward come from the log.
  ['previewArchive', (a) => a.server.previewArchive('2026-12-31')],
  // A client's file is built from the log: it must never show a forged row.
  ['exportPrepaidLog', (a) => a.server.exportPrepaidLog('Acme')],
  ['shareClientLog', (a) => a.server.shareClientLog('Beta', 'finance@beta.test')],
];

/** What the user was told: the error, or the result's summary. */
function told(run: () => unknown): string {
  try {
    return String((run() as { summary?: string })?.summary ?? '');
  } catch (error) {
    return describeError(error);
  }
}

/** Where invoicing records its last run: the one thing a paused run writes, so the sidebar can say why. */
const LAST_RUN = 'prepaidTime.invoicing.lastRun';

function properties(addon: Addon): Record<string, string> {
  return (addon.emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties();
}

/** The workbook's cells and document properties (the last-run record aside), to prove nothing was written. */
function everything(addon: Addon): string {
  const { [LAST_RUN]: _lastRun, ...props } = properties(addon);
  return JSON.stringify([addon.emu.snapshot(), props]);
}

function logValues(addon: Addon): string {
  return JSON.stringify(readRows(addon.emu.spreadsheet, 'Prepaid log'));
}

/** One forged ledger: what broke. */
export function forgedCase(history: readonly Step[], forgery: Forgery, pick: number, resolution: Resolution): string[] {
  const addon = ledgerWorkbook();
  for (const s of history) play(addon, s);
  const sealedLog = logValues(addon);
  const sealedBalances = JSON.stringify(balances(addon));
  forge(addon, forgery, pick);
  const broken: string[] = [];
  const problem = addon.server.getSidebarData({}).ledger.problem;
  if (!problem) return ['the sidebar shows no problem after the forgery'];
  for (const [name, run] of LEDGER_ACTIONS) {
    const before = everything(addon);
    const writes = addon.emu.faults.writes;
    const message = told(() => run(addon));
    const recorded = name === 'runAutomaticInvoicing' && String(properties(addon)[LAST_RUN]).includes(problem.ref) ? 1 : 0;
    if (addon.emu.faults.writes - writes !== recorded || everything(addon) !== before) broken.push(`${name} wrote to the workbook`);
    if (!message.includes(problem.ref)) broken.push(`${name} did not name the row ${problem.ref}: ${message}`);
  }
  const logged = addon.as('mia@agency.test').logTime({ date: '2026-01-06', client: 'Acme', description: 'Call', hours: '0:30' });
  if (!logged.ok) broken.push(`logging time was refused: ${logged.summary}`);
  let resolved: Resolution = resolution;
  if (resolution === 'accept') {
    const before = everything(addon);
    try {
      const result = addon.server.acceptLedgerEdit(problem.ref, 'Agreed with the client');
      const reseals = readRows(addon.emu.spreadsheet, 'Prepaid log').filter((r) => r.Kind === 'Re-seal');
      if (reseals.length !== result.resealRows.length || reseals.length === 0) broken.push('Accept wrote no Re-seal row');
      if (reseals.some((r) => r.Hours !== 0 || !String(r.Description).includes('Agreed with the client') || r.Reference !== problem.ref))
        broken.push('a Re-seal row does not carry zero hours, the reason and the row');
    } catch (error) {
      // The log as it stands may break an invariant (a reversal whose deduction was deleted):
      // Accept is then refused whole, in words, and the row is restored instead.
      if (!/cannot be accepted as it stands: .* Nothing was written\.$/.test(String((error as Error).message))) throw error;
      if (everything(addon) !== before) broken.push('a refused Accept wrote to the workbook');
      resolved = 'restore';
    }
  }
  if (resolved === 'restore') {
    if (!problem.restorable) return [...broken, `a ${forgery} could not be restored`];
    addon.server.restoreLedgerRow(problem.ref);
    if (logValues(addon) !== sealedLog) broken.push('Restore did not give back the log as it was sealed');
    if (JSON.stringify(balances(addon)) !== sealedBalances) broken.push(`Restore left balances ${JSON.stringify(balances(addon))}, not ${sealedBalances}`);
  }
  const check = addon.server.checkLedger();
  if (!check.ok) broken.push(`after ${resolution}, checkLedger: ${check.summary}`);
  const resumed = told(() => addon.server.addCredits('Beta', 1, 'After resolving'));
  if (!/^Top-up of \+1\.00 h for Beta/.test(resumed)) broken.push(`after ${resolution}, a top-up did not go through: ${resumed}`);
  return broken;
}

/** `size.forgedLedgers` random histories, each forged once and resolved by Restore or Accept. */
export function forgedCases(size: TrustSize): CaseResult[] {
  const arbitrary = fc.tuple(fc.array(step, { maxLength: 6 }), fc.constantFrom(...FORGERIES), fc.nat(), fc.constantFrom<Resolution>('restore', 'accept'));
  const samples = fc.sample(arbitrary, { numRuns: size.forgedLedgers, seed: size.seed });
  // Every forgery meets both resolutions, whatever the sample drew.
  const cases = samples.map(([history, forgery, pick, resolution], i) => ({
    history,
    forgery: FORGERIES[i % FORGERIES.length] ?? forgery,
    pick,
    resolution: i % 10 < 5 ? resolution : (['restore', 'accept'] as const)[Math.floor(i / 5) % 2],
  }));
  return cases.map(({ history, forgery, pick, resolution }, i) => {
    const name = `ledger ${i + 1}: ${forgery} at row ${pick}, then ${resolution}, after ${history.length} steps`;
    try {
      return verdict('forged ledger', forgery, name, forgedCase(history, forgery, pick, resolution));
    } catch (error) {
      return verdict('forged ledger', forgery, name, [`failed: ${describeError(error)}`]);
    }
  });
}
