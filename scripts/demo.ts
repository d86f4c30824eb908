/**
 * `npm run demo`: the main job on the local emulator, no Google account needed. It loads
 * the built dist/Code.js (the file clasp pushes) and plays two months of an agency's
 * prepaid work: clients topped up, people logging time (some of it wrong), weekly
 * authorizations, a refused attempt by a non-authorizer (and a top-up typed into the log, refused by the
 * protection; an authorizer’s hand edit of the log, restored), a reversal, balances falling
 * below their minimums, the hourly trigger writing top-up invoices (some paid, which
 * credits the hours), and each client's prepaid log exported and one shared. It prints
 * what happened and the service calls per operation, and saves the workbook to
 * out/demo.xlsx, the invoices to out/invoices/ and the client logs to out/logs/.
 */
import { join } from 'node:path';
import { startAddon, type Addon } from '../emulator/addon';
import { pasteRows, readRows } from '../emulator/sheet-rows';
import { demoClientLogs } from './demo-client-logs';
import { startInvoicingDemo } from './demo-invoicing';
import { AUTHORIZER, CLIENTS, EDITOR, END, entriesByWeek, INVALID_ENTRIES, PROJECT_MANAGER, START } from './demo-workbook';
import { saveAsXlsx } from './xlsx-export';

const OUT = join(__dirname, '..', 'out');

interface LedgerResult {
  done: { entryId: string }[];
  skipped: { entryId: string; code: string; message: string }[];
  summary: string;
}

/** Service calls per operation, from the emulator's counters. */
class CallStats {
  private readonly rows = new Map<string, { runs: number; data: number[]; total: number[] }>();
  constructor(private readonly addon: Addon) {}

  measure<T>(operation: string, work: () => T): T {
    const calls = this.addon.emu.calls;
    const data0 = calls.dataCalls();
    const total0 = calls.total();
    try {
      return work();
    } finally {
      const row = this.rows.get(operation) ?? { runs: 0, data: [], total: [] };
      row.runs++;
      row.data.push(calls.dataCalls() - data0);
      row.total.push(calls.total() - total0);
      this.rows.set(operation, row);
    }
  }

  print(): void {
    console.log('\nService calls per operation (data calls = value reads/writes and row inserts/deletes):');
    console.log(`  ${'operation'.padEnd(22)} ${'runs'.padStart(5)} ${'data calls (max)'.padStart(17)} ${'all calls (max)'.padStart(16)}`);
    for (const [name, row] of this.rows) {
      console.log(
        `  ${name.padEnd(22)} ${String(row.runs).padStart(5)} ${String(Math.max(...row.data)).padStart(17)} ${String(Math.max(...row.total)).padStart(16)}`,
      );
    }
  }
}

function dateAt(day: string, hourUtc: number): number {
  return new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`).getTime();
}

/**
 * The books are the authorizers': someone else typing a top-up into the Prepaid log is
 * refused by Sheets, and an authorizer's own hand edit pauses the ledger until restored.
 */
function handEdits(addon: Addon): void {
  const { emu, server } = addon;
  const log = emu.spreadsheet.getSheetByName('Prepaid log')!;
  const typed = [['L-TYPED', new Date(), 'Acme NV', 'Top-up', 100]];
  try {
    emu.execution(() => log.getRange(log.getLastRow() + 1, 1, 1, 5).setValues(typed), { user: EDITOR });
  } catch (error) {
    console.log(`Week 3: ${EDITOR} tried to type a 100 h top-up into the Prepaid log; Sheets refused: ${(error as Error).message}`);
  }
  const hours = log.getRange(2, 5);
  const was = hours.getValue();
  hours.setValue(100);
  const problem = server.getSidebarData({}).ledger.problem;
  if (!problem) throw new Error('The hand edit went unnoticed.');
  console.log(`Week 3: the owner changed a log row by hand. ${problem.message}`);
  console.log(`Week 3: Restore: ${server.restoreLedgerRow(problem.ref).summary} (Hours is ${String(was)} again.)`);
}

async function main(): Promise<void> {
  const addon = startAddon({ user: AUTHORIZER, now: START, seed: 2026, timeZone: 'Europe/Brussels', spreadsheetName: 'Agency hours 2026' });
  const { emu, server } = addon;
  const stats = new CallStats(addon);
  const authorized = new Set<string>();
  const skipped = new Map<string, { code: string; message: string }>();
  const record = (result: LedgerResult) => {
    result.done.forEach((d) => {
      authorized.add(d.entryId);
      skipped.delete(d.entryId);
    });
    result.skipped.forEach((s) => skipped.set(s.entryId || `(row without ID ${skipped.size})`, s));
  };

  console.log('Prepaid Time demo: an agency with four prepaid clients, September-October 2026, on the local emulator.\n');
  console.log(stats.measure('setUpSheets', () => server.setUpSheets()).summary);
  server.saveSettings({ authorizers: [AUTHORIZER, PROJECT_MANAGER], roundingMinutes: 6 });
  const credits = emu.spreadsheet.getSheetByName('Credits')!;
  credits.getRange(1, credits.getLastColumn() + 1).setValue('Rounding (min)'); // the agency's own optional column
  pasteRows(
    emu.spreadsheet,
    'Credits',
    CLIENTS.map(({ initialHours: _ignored, ...client }) => client),
  );
  for (const client of CLIENTS) {
    console.log(stats.measure('addCredits', () => server.addCredits(client.Client, client.initialHours, 'Prepaid block, September')).summary);
  }

  const invoicing = startInvoicingDemo(addon);
  let week = 0;
  for (const [monday, entries] of entriesByWeek()) {
    week++;
    invoicing.advanceTo(dateAt(monday, 8));
    const batch = week === 3 ? [...entries, ...INVALID_ENTRIES] : entries;
    const sheet = emu.spreadsheet.getSheetByName('Time entries')!;
    const firstRow = sheet.getLastRow() + 1;
    pasteRows(
      emu.spreadsheet,
      'Time entries',
      batch.map((e) => ({ ...e, Select: week % 2 === 0 })),
    );
    const friday = new Date(new Date(`${monday}T00:00:00Z`).getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    invoicing.advanceTo(dateAt(friday, 16));

    if (week === 3) {
      emu.setSelection('Time entries', `A${firstRow}:J${sheet.getLastRow()}`);
      const refused = addon.as(EDITOR).authorizeSelection() as LedgerResult;
      console.log(`Week ${week}: ${EDITOR} (not an authorizer) tried to authorize: ${refused.summary}`);
      handEdits(addon);
    }
    let result: LedgerResult;
    if (week % 2 === 0) {
      result = stats.measure('authorizeTicked', () => server.authorizeTicked()) as LedgerResult;
    } else {
      emu.setSelection('Time entries', `A${firstRow}:J${sheet.getLastRow()}`);
      result = stats.measure('authorizeSelection', () => server.authorizeSelection()) as LedgerResult;
    }
    record(result);
    console.log(`Week ${week} (${monday}): ${result.summary}`);

    if (week === 4) {
      const topUp = stats.measure('addCredits', () => server.addCredits('Studio Noor', 20, 'Second block, paid by bank transfer'));
      console.log(`Week ${week}: Studio Noor bought more hours (no auto-invoice for this client): ${topUp.summary}`);
    }
    if (week === 5) {
      const wrong = result.done[0].entryId;
      const reversal = stats.measure('reverseEntries', () => server.reverseEntries([wrong], 'Logged against the wrong client'));
      authorized.delete(wrong);
      console.log(`Week ${week}: reversed ${wrong}: ${reversal.summary}`);
      const again = stats.measure('authorizeEntries', () => server.authorizeEntries([wrong])) as LedgerResult;
      record(again);
      console.log(`Week ${week}: re-authorized ${wrong} after review: ${again.summary}`);
      const twice = stats.measure('authorizeEntries', () => server.authorizeEntries([wrong])) as LedgerResult;
      console.log(`Week ${week}: authorizing ${wrong} again (a double click): ${twice.summary}`);
    }
  }
  invoicing.advanceTo(END);

  console.log('\nBalances (from the Prepaid log):');
  for (const row of readRows(emu.spreadsheet, 'Credits')) {
    const balance = Number(row['Balance (h)']);
    const minimum = Number(row['Minimum balance (h)']);
    const flag = balance < 0 ? '  << below zero' : balance < minimum ? '  << below minimum' : '';
    console.log(`  ${String(row.Client).padEnd(16)} ${balance.toFixed(2).padStart(8)} h   (minimum ${minimum.toFixed(2)} h)${flag}`);
  }
  console.log(`\nAuthorized ${authorized.size} entries; ${skipped.size} entries were skipped:`);
  for (const [entryId, s] of skipped) console.log(`  ${entryId} [${s.code}] ${s.message}`);
  console.log(`\n${stats.measure('checkLedger', () => server.checkLedger()).summary}`);
  invoicing.finish();
  await demoClientLogs(addon);
  stats.print();

  const xlsx = join(OUT, 'demo.xlsx');
  await saveAsXlsx(emu.spreadsheet, xlsx);
  console.log(`\nThe workbook is saved to ${xlsx} (open it in LibreOffice or import it into Google Sheets).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
