/**
 * The demo scenario behind `npm run demo` (scripts/demo.ts) and `npm run sidebar`, also run
 * by the tests: the main job on the local emulator, no Google account needed. It loads
 * the built dist/Code.js (the file clasp pushes) and plays two months of an agency's
 * prepaid work: clients topped up, people logging time (some of it wrong), weekly
 * authorizations, a refused attempt by a non-authorizer (and a top-up typed into the log, refused by the
 * protection; an authorizer’s hand edit of the log, restored), a reversal, balances falling
 * below their minimums, the hourly trigger writing top-up invoices (some paid, which
 * credits the hours), and each client's prepaid log exported and one shared. The last
 * week's time is logged and left open, for `npm run sidebar` (which replays this demo) to
 * authorize. It prints what happened, every time on the workbook's clock, and the service
 * calls per operation, and saves the workbook to out/demo.xlsx, the invoices to
 * out/invoices/ and the client logs to out/logs/.
 */
import { join } from 'node:path';
import { startAddon, type Addon } from './addon';
import { pasteRows, readRows } from '../emulator/sheet-rows';
import { type ClientLogFiles, demoClientLogs } from './demo-client-logs';
import { dayRange } from './demo-dates';
import { startInvoicingDemo } from './demo-invoicing';
import { AUTHORIZER, CLIENTS, EDITOR, END, entriesByWeek, INVALID_ENTRIES, PEOPLE_BY_EMAIL, PROJECT_MANAGER, START, TIME_ZONE } from './demo-workbook';
import { saveAsXlsx } from './xlsx-export';

export interface DemoOptions {
  /** Where the workbook, invoices and client logs are saved (default out/). */
  outDir?: string;
  /** Where the demo's lines go (default console.log). */
  say?: (line: string) => void;
}

interface LedgerResult {
  done: { entryId: string; row: number | null }[];
  skipped: { entryId: string; row: number | null; code: string; message: string }[];
  summary: string;
}

/** Service calls per operation, from the emulator's counters. */
class CallStats {
  private readonly rows = new Map<string, { runs: number; data: number[]; total: number[] }>();
  constructor(
    private readonly addon: Addon,
    private readonly say: (line: string) => void,
  ) {}

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
    this.say('\nService calls per operation (data calls = value reads/writes and row inserts/deletes):');
    this.say(`  ${'operation'.padEnd(22)} ${'runs'.padStart(5)} ${'data calls (max)'.padStart(17)} ${'all calls (max)'.padStart(16)}`);
    for (const [name, row] of this.rows) {
      this.say(
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
function handEdits(addon: Addon, say: (line: string) => void): void {
  const { emu, server } = addon;
  const log = emu.spreadsheet.getSheetByName('Prepaid log')!;
  const typed = [['L-TYPED', new Date(), 'Acme NV', 'Top-up', 100]];
  try {
    emu.execution(() => log.getRange(log.getLastRow() + 1, 1, 1, 5).setValues(typed), { user: EDITOR });
  } catch (error) {
    say(`Week 3: ${EDITOR} tried to type a 100 h top-up into the Prepaid log; Sheets refused: ${(error as Error).message}`);
  }
  const hours = log.getRange(2, 5);
  const was = hours.getValue();
  hours.setValue(100);
  const problem = server.getSidebarData({}).ledger.problem;
  if (!problem) throw new Error('The hand edit went unnoticed.');
  say(`Week 3: the owner changed a log row by hand. ${problem.message}`);
  say(`Week 3: Restore: ${server.restoreLedgerRow(problem.ref).summary} (Hours is ${String(was)} again.)`);
}

/** The first and last day of a list of entries, as typed in their Date column. */
function daysOf(entries: { Date?: unknown }[]): [string, string] {
  const days = entries.map((e) => String(e.Date)).sort();
  return [days[0], days[days.length - 1]];
}

/** What the demo leaves: the add-on in its final state (the workbook `npm run sidebar` serves) and the files it saved. */
export interface DemoRun {
  addon: Addon;
  workbook: string;
  clientLogs: ClientLogFiles[];
}

/** Plays the demo, saving its files under `outDir`. */
export async function runDemo(opts: DemoOptions = {}): Promise<DemoRun> {
  const out = opts.outDir ?? join(__dirname, '..', 'out');
  const say = opts.say ?? console.log;
  const addon = startAddon({ user: AUTHORIZER, now: START, seed: 2026, timeZone: TIME_ZONE, spreadsheetName: 'Agency hours 2026' });
  const { emu, server } = addon;
  const stats = new CallStats(addon, say);
  const weeks = [...entriesByWeek()];
  const authorized = new Set<string>();
  // Skipped entries by row, as the results count them (both rows of a duplicated Entry ID).
  const skipped = new Map<string, { code: string; message: string }>();
  const where = (item: { entryId: string; row: number | null }) => `${item.entryId || '(no Entry ID)'} (row ${item.row ?? '?'})`;
  const record = (result: LedgerResult) => {
    result.done.forEach((d) => {
      authorized.add(d.entryId);
      skipped.delete(where(d));
    });
    result.skipped.forEach((s) => skipped.set(where(s), s));
  };

  const period = dayRange(...daysOf(weeks.flatMap(([, entries]) => entries)));
  say(`Prepaid Time demo: an agency with four prepaid clients, ${period}, on the local emulator.`);
  say(`Dates and times are the workbook's, in ${TIME_ZONE}.\n`);
  say(stats.measure('setUpSheets', () => server.setUpSheets()).summary);
  server.saveSettings({ authorizers: [AUTHORIZER, PROJECT_MANAGER], people: PEOPLE_BY_EMAIL, roundingMinutes: 6 });
  const credits = emu.spreadsheet.getSheetByName('Credits')!;
  credits.getRange(1, credits.getLastColumn() + 1).setValue('Rounding (min)'); // the agency's own optional column
  pasteRows(
    emu.spreadsheet,
    'Credits',
    CLIENTS.map(({ initialHours: _ignored, ...client }) => client),
  );
  for (const client of CLIENTS) {
    say(stats.measure('addCredits', () => server.addCredits(client.Client, client.initialHours, 'Prepaid block, September')).summary);
  }

  const invoicing = startInvoicingDemo(addon, { outDir: join(out, 'invoices'), say });
  let week = 0;
  for (const [monday, entries] of weeks) {
    week++;
    const days = dayRange(...daysOf(entries));
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
    if (week === weeks.length) {
      say(`Week ${week} (${days}): ${entries.length} entries logged and left open, for you to authorize in the sidebar (npm run sidebar).`);
      break;
    }

    if (week === 3) {
      emu.setSelection('Time entries', `A${firstRow}:J${sheet.getLastRow()}`);
      const refused = addon.as(EDITOR).authorizeSelection() as LedgerResult;
      say(`Week ${week}: ${EDITOR} (not an authorizer) tried to authorize: ${refused.summary}`);
      handEdits(addon, say);
    }
    let result: LedgerResult;
    if (week % 2 === 0) {
      result = stats.measure('authorizeTicked', () => server.authorizeTicked()) as LedgerResult;
    } else {
      emu.setSelection('Time entries', `A${firstRow}:J${sheet.getLastRow()}`);
      result = stats.measure('authorizeSelection', () => server.authorizeSelection()) as LedgerResult;
    }
    record(result);
    say(`Week ${week} (${days}): ${result.summary}`);

    if (week === 4) {
      const topUp = stats.measure('addCredits', () => server.addCredits('Studio Noor', 20, 'Second block, paid by bank transfer'));
      say(`Week ${week}: Studio Noor bought more hours (no auto-invoice for this client): ${topUp.summary}`);
    }
    if (week === 5) {
      const wrong = result.done[0].entryId;
      const reversal = stats.measure('reverseEntries', () => server.reverseEntries([wrong], 'Logged against the wrong client'));
      authorized.delete(wrong);
      say(`Week ${week}: reversed ${wrong}: ${reversal.summary}`);
      const again = stats.measure('authorizeEntries', () => server.authorizeEntries([wrong])) as LedgerResult;
      record(again);
      say(`Week ${week}: re-authorized ${wrong} after review: ${again.summary}`);
      const twice = stats.measure('authorizeEntries', () => server.authorizeEntries([wrong])) as LedgerResult;
      say(`Week ${week}: authorizing ${wrong} again (a double click): ${twice.summary}`);
    }
  }
  invoicing.advanceTo(END);

  say('\nBalances (from the Prepaid log):');
  for (const row of readRows(emu.spreadsheet, 'Credits')) {
    const balance = Number(row['Balance (h)']);
    const minimum = Number(row['Minimum balance (h)']);
    const flag = balance < 0 ? '  << below zero' : balance < minimum ? '  << below minimum' : '';
    say(`  ${String(row.Client).padEnd(16)} ${balance.toFixed(2).padStart(8)} h   (minimum ${minimum.toFixed(2)} h)${flag}`);
  }
  say(`\nAuthorized ${authorized.size} entries; ${skipped.size} entries were skipped:`);
  for (const [entryId, s] of skipped) say(`  ${entryId} [${s.code}] ${s.message}`);
  say(`\n${stats.measure('checkLedger', () => server.checkLedger()).summary}`);
  invoicing.finish();
  const clientLogs = await demoClientLogs(addon, { outDir: join(out, 'logs'), say });
  stats.print();

  const workbook = join(out, 'demo.xlsx');
  await saveAsXlsx(emu.spreadsheet, workbook);
  say(`\nThe workbook is saved to ${workbook} (open it in LibreOffice or import it into Google Sheets).`);
  return { addon, workbook, clientLogs };
}
