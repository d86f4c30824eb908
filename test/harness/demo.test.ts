/**
 * `npm run demo` as a new user reads it: what it prints (one clock, the workbook's; a header
 * that matches the data), the files it saves (dates as the workbook shows them, a useful
 * first tab, nothing alarming where a client looks), and `npm run sidebar` serving the very
 * workbook the demo leaves. Needs the built bundle (`npm run build`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRows } from '../../emulator/sheet-rows';
import { dayRange } from '../../harness/demo-dates';
import { type DemoRun, runDemo } from '../../harness/demo';
import { AUTHORIZER, EDITOR, PROJECT_MANAGER, TIME_ZONE } from '../../harness/demo-workbook';
import { startSidebarServer } from '../../harness/sidebar-server';
import { dateCells, readXlsx } from './xlsx-read';

jest.setTimeout(180_000);

const outDir = mkdtempSync(join(tmpdir(), 'prepaid-time-demo-'));
const lines: string[] = [];
let demo: DemoRun;

beforeAll(async () => {
  demo = await runDemo({ outDir, say: (line) => lines.push(...line.split('\n')) });
});

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function openById(id: string): Spreadsheet {
  return (demo.addon.emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(id);
}

function clientLogSpreadsheets(): { client: string; xlsx: string; html: string; spreadsheet: Spreadsheet }[] {
  return demo.clientLogs.map((file) => ({ ...file, spreadsheet: openById(/\/d\/([^/]+)/.exec(file.url)![1]) }));
}

/** Every sheet's shown text. */
function shownText(spreadsheet: Spreadsheet): string {
  return spreadsheet
    .getSheets()
    .map((sheet) => sheet.getDataRange().getDisplayValues().flat().join('\n'))
    .join('\n');
}

/** A sheet's rows as shown, by header. */
function shownRows(spreadsheet: Spreadsheet, sheetName: string): Record<string, string>[] {
  const [headers, ...rows] = spreadsheet.getSheetByName(sheetName)!.getDataRange().getDisplayValues();
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
}

function column(spreadsheet: Spreadsheet, sheetName: string, header: string): string[] {
  return shownRows(spreadsheet, sheetName)
    .map((row) => row[header])
    .filter(Boolean);
}

describe('the workbook the demo leaves (and npm run sidebar serves)', () => {
  it('authorizes each entry on or after its date, week by week, and leaves the last week open', () => {
    // Swedish dates are written yyyy-mm-dd.
    const day = (d: unknown) => (d as Date).toLocaleDateString('sv', { timeZone: TIME_ZONE });
    const entries = readRows(demo.addon.emu.spreadsheet, 'Time entries');
    const authorized = entries.filter((e) => e.Status === 'Authorized');
    expect(authorized.length).toBeGreaterThan(20);
    const early = authorized.filter((e) => day(e['Authorized at']) < day(e.Date)).map((e) => `${e['Entry ID']} ${day(e.Date)} at ${day(e['Authorized at'])}`);
    expect(early).toEqual([]);
    expect(new Set(authorized.map((e) => day(e['Authorized at']))).size).toBeGreaterThan(3);
    const today = day(new Date(demo.addon.emu.clock.now()));
    expect(entries.filter((e) => day(e.Date) > today)).toEqual([]);
    expect(entries.filter((e) => e.Status !== 'Authorized').length).toBeGreaterThan(0);
  });

  it('names each user of the sidebar as Time entries name them (Settings’ People), so what they log joins their own name in the Person filter', () => {
    const people = new Set(column(demo.addon.emu.spreadsheet, 'Time entries', 'Person'));
    // getSettings reads only: getSidebarData would give the open rows their Entry IDs, and the next tests compare the workbook as the demo left it.
    const { people: names } = demo.addon.server.getSettings() as { people: Record<string, string> };
    for (const user of [AUTHORIZER, PROJECT_MANAGER, EDITOR]) expect([...people]).toContain(names[user]);
  });
});

describe('what the demo prints', () => {
  it('names the period of the time entries it logs, in its header and per week', () => {
    const days = column(demo.addon.emu.spreadsheet, 'Time entries', 'Date').sort();
    expect(lines[0]).toContain(`, ${dayRange(days[0], days[days.length - 1])}, `);
    expect(lines[0]).toContain('1 September – 30 October 2026');
    const weeks = lines.filter((line) => /^Week \d+ \(/.test(line)).map((line) => /^Week \d+ \(([^)]*)\)/.exec(line)![1]);
    expect(weeks.length).toBe(9);
    expect(weeks[0]).toBe(dayRange(days[0], days.filter((d) => d <= '2026-09-06').pop()!));
    for (const week of weeks) expect(week).toMatch(/^\d+( \w+)?( \d{4})?( – |–)\d+ \w+ 2026$/);
  });

  it('shows every time on one clock, the workbook’s, and says which', () => {
    const text = lines.join('\n');
    expect(text).toContain(`Dates and times are the workbook's, in ${TIME_ZONE}.`);
    expect(text).not.toMatch(/\bUTC\b|GMT|\d{4}-\d\d-\d\dT\d\d:\d\d/);
    // The hourly run that created an invoice, and the invoice's own "Sent" time written by the add-on, read alike.
    const created = /^ {2}(\S+ \S+) hourly run: Invoicing: created INV-2026-0001\./m.exec(text)![1];
    const sent = /^ {2}INV-2026-0001 .* Sent (\S+ \S+) to /m.exec(text)![1];
    expect(created).toBe(sent);
    const invoiceDates = column(demo.addon.emu.spreadsheet, 'Invoices', 'Date').map((d) => d.slice(0, 10));
    const printedDates = [...text.matchAll(/^ {2}INV-\d{4}-\d{4} {2}(\S+) /gm)].map((m) => m[1]);
    expect(printedDates).toEqual(invoiceDates);
  });
});

describe('what the demo saves', () => {
  it('writes dates in the workbook and client logs as the emulator shows them', async () => {
    const files: [string, Spreadsheet][] = [
      [demo.workbook, demo.addon.emu.spreadsheet],
      ...clientLogSpreadsheets().map((l) => [l.xlsx, l.spreadsheet] as [string, Spreadsheet]),
    ];
    let checked = 0;
    for (const [path, spreadsheet] of files) {
      const { tabs } = await readXlsx(path);
      for (const { name, tab } of tabs) {
        for (const cell of dateCells(spreadsheet.getSheetByName(name)!, tab)) {
          expect({ path, name, ...cell }).toEqual({ path, name, ...cell, xlsx: cell.shown });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('opens the workbook on Credits and each client log on its summary, with columns wide enough to read', async () => {
    const workbook = await readXlsx(demo.workbook);
    expect(workbook.tabs[workbook.activeTab].name).toBe('Credits');
    expect(workbook.tabs.map((t) => t.name)).not.toContain('Sheet1');
    const credits = workbook.tabs[workbook.activeTab];
    const emails = column(demo.addon.emu.spreadsheet, 'Credits', 'Billing email');
    const emailColumn = credits.tab.getRow(1).values as unknown[];
    expect(credits.widths[emailColumn.indexOf('Billing email') - 1]).toBeGreaterThanOrEqual(Math.max(...emails.map((e) => e.length)));
    for (const log of demo.clientLogs) {
      const { tabs, activeTab } = await readXlsx(log.xlsx);
      expect(tabs[activeTab].name).toBe('Summary');
      const descriptions = tabs.find((t) => t.name === 'Log')!;
      const header = descriptions.tab.getRow(1).values as unknown[];
      expect(descriptions.widths[header.indexOf('Description') - 1]).toBeGreaterThanOrEqual('Prepaid block, September'.length);
    }
  });

  it('leaves no formula-like or hostile text where a client looks: client logs and invoices', () => {
    const hostile = /IMPORT(RANGE|XML|DATA|HTML)|evil\.example|javascript:|<script|^[=+@]/im;
    const logs = clientLogSpreadsheets();
    expect(logs.length).toBe(4);
    for (const log of logs) {
      expect(shownText(log.spreadsheet)).not.toMatch(hostile);
      expect(readFileSync(log.html, 'utf8')).not.toMatch(/IMPORT(RANGE|XML)|evil\.example/);
    }
    const invoices = readdirSync(join(outDir, 'invoices'));
    expect(invoices.length).toBe(4);
    for (const name of invoices) expect(readFileSync(join(outDir, 'invoices', name), 'utf8')).not.toMatch(/IMPORT(RANGE|XML)|evil\.example|javascript:/);
    const descriptions = readRows(demo.addon.emu.spreadsheet, 'Time entries').map((row) => String(row.Description));
    expect(descriptions.filter((d) => hostile.test(d))).toEqual([]);
  });
});

describe('npm run sidebar', () => {
  it('serves the workbook the demo leaves, its last week open to authorize', async () => {
    const { addon, bridge } = await startSidebarServer();
    try {
      for (const sheet of demo.addon.emu.spreadsheet.getSheets()) {
        const served = addon.emu.spreadsheet.getSheetByName(sheet.getName())!;
        expect({ sheet: sheet.getName(), values: served.getDataRange().getDisplayValues() }).toEqual({
          sheet: sheet.getName(),
          values: sheet.getDataRange().getDisplayValues(),
        });
      }
      const printed = new Map(
        lines
          .map((line) => /^ {2}(.+?) +(-?\d+\.\d\d) h {3}\(minimum/.exec(line))
          .filter((m) => m !== null)
          .map((m) => [m[1], m[2]]),
      );
      expect(printed.size).toBe(4);
      for (const row of readRows(addon.emu.spreadsheet, 'Credits')) expect(Number(row['Balance (h)']).toFixed(2)).toBe(printed.get(String(row.Client)));
      const open = shownRows(addon.emu.spreadsheet, 'Time entries').filter((row) => row.Date >= '2026-10-26' && row.Status !== 'Authorized');
      expect(open.length).toBe(15);
    } finally {
      await bridge.close();
    }
  });
});
