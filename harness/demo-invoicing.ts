/**
 * The demo's invoicing part: the agency turns on hourly invoicing and emailed invoices,
 * and from then on every move of the emulated clock fires the hourly trigger once per
 * hour on the way, as Apps Script would, so invoices appear in the hour after a balance
 * crosses its minimum. Invoices a week old are paid (all but those of the clients named
 * as slow payers), which credits the hours and re-arms the client. At the end each
 * invoice's Doc is written under out/invoices/ as HTML and a summary is printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Addon } from './addon';
import { renderDocumentHtml } from '../emulator/index';
import { readRows } from '../emulator/sheet-rows';
import { formatMoney } from '../src/core/quantities';
import { wallClock, wallDate } from './demo-dates';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

export interface InvoiceSummaryRow {
  invoiceNo: string;
  date: string;
  client: string;
  hours: number;
  amount: string;
  status: string;
  emailed: string;
  html: string;
}

export interface InvoicingDemo {
  /** Moves the clock to `time`, firing the hourly trigger at each hour on the way and paying week-old invoices. */
  advanceTo(time: number | Date): void;
  /** Writes each invoice's Doc under out/invoices/ as HTML, prints the summary and returns it. */
  finish(): InvoiceSummaryRow[];
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function fileNameOf(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
}

/**
 * Turns on hourly invoicing (as the current user, an authorizer) with emailed invoices.
 * Invoicing right after an authorization is turned off here so the demo shows the
 * trigger doing the work. Clients in `slowPayers` never pay, so an Open invoice remains.
 */
export function startInvoicingDemo(addon: Addon, opts: { outDir?: string; slowPayers?: string[]; say?: (line: string) => void } = {}): InvoicingDemo {
  const { emu, server } = addon;
  const say = opts.say ?? console.log;
  const outDir = opts.outDir ?? join(__dirname, '..', 'out', 'invoices');
  const slowPayers = new Set(opts.slowPayers ?? ['Northwind Ltd']);
  server.saveSettings({ emailInvoices: true, invoiceAfterAuthorization: false });
  say(`Invoicing: ${server.installInvoicingTrigger().summary}`);
  let runs = 0;
  let nextRun = Math.ceil(emu.clock.now() / HOUR) * HOUR;

  const payWeekOld = () => {
    for (const row of readRows(emu.spreadsheet, 'Invoices')) {
      const issued = isDate(row.Date) ? row.Date.getTime() : NaN;
      if (row.Status !== 'Open' || slowPayers.has(String(row.Client)) || !(emu.clock.now() - issued >= WEEK)) continue;
      say(`  ${wallClock(emu.clock.now())} ${server.markInvoicePaid(String(row['Invoice no'])).summary}`);
    }
  };

  return {
    advanceTo(time) {
      const target = typeof time === 'number' ? time : time.getTime();
      for (; nextRun <= target; nextRun += HOUR) {
        emu.clock.set(nextRun);
        const created = invoicesCount();
        emu.fireTimeTriggers(addon.bundle);
        runs++;
        if (invoicesCount() > created) say(`  ${wallClock(nextRun)} hourly run: ${server.getInvoicingStatus().lastRun?.summary}`);
        payWeekOld();
      }
      emu.clock.set(Math.max(target, emu.clock.now()));
    },
    finish() {
      mkdirSync(outDir, { recursive: true });
      const rows: InvoiceSummaryRow[] = readRows(emu.spreadsheet, 'Invoices').map((row) => {
        const name = `${row['Invoice no']} ${row.Client}`;
        const html = join(outDir, `${fileNameOf(name)}.html`);
        writeFileSync(html, renderDocumentHtml(String(row['Doc ID']), emu.files));
        return {
          invoiceNo: String(row['Invoice no']),
          date: isDate(row.Date) ? wallDate(row.Date) : String(row.Date),
          client: String(row.Client),
          hours: Number(row.Hours),
          amount: formatMoney(Math.round(Number(row.Amount) * 100), String(row.Currency)),
          status: String(row.Status),
          emailed: String(row.Emailed),
          html,
        };
      });
      say(`\nInvoices (${runs} hourly trigger runs, ${emu.mail.length} invoice emails sent):`);
      for (const r of rows) {
        say(
          `  ${r.invoiceNo}  ${r.date}  ${r.client.padEnd(16)} ${r.hours.toFixed(2).padStart(6)} h  ${r.amount.padStart(13)}  ${r.status.padEnd(7)} ${r.emailed}`,
        );
      }
      say(`Each invoice is written to ${outDir}/ as HTML.`);
      return rows;
    },
  };

  function invoicesCount(): number {
    return readRows(emu.spreadsheet, 'Invoices').length;
  }
}
