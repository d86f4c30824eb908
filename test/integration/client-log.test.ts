/**
 * exportPrepaidLog on the built bundle: one file per client, what it holds, a period with
 * its opening balance, PDF and CSV, the menu item, who may export, and a run stopped
 * after every write.
 */
import { ScriptStopped } from '../../emulator/index';
import { EDITOR, rows, standardWorkbook } from '../../harness/workbook';
import { clientLogFiles, driveRecord, logTab, openClientFile, summaryTab } from '../../harness/client-log';

const DAY = 86_400_000;

describe('exportPrepaidLog', () => {
  it('creates "Prepaid log — {client}" once and refreshes the same file after', () => {
    const addon = standardWorkbook();
    const first = addon.server.exportPrepaidLog('Acme');
    expect(first.created).toBe(true);
    expect(first.url).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    expect(driveRecord(addon, first.url).name).toBe('Prepaid log — Acme');
    const again = addon.server.exportPrepaidLog('Acme');
    expect(again.created).toBe(false);
    expect(again.url).toBe(first.url);
    expect(clientLogFiles(addon, 'Acme').map((f) => f.name)).toEqual(['Prepaid log — Acme']);
  });

  it('writes the log tab with the running balance, and the summary figures', () => {
    const addon = standardWorkbook();
    addon.emu.clock.advance(2 * DAY);
    addon.server.authorizeEntries(['E-1', 'E-2']);
    const { url, balanceMinutes } = addon.server.exportPrepaidLog('Acme');
    expect(balanceMinutes).toBe(600 - 90 - 120);
    const log = logTab(addon, url);
    expect(log.map((r) => [r.Kind, r.Hours, r['Balance (h)'], r.Invoice])).toEqual([
      ['Top-up', 10, 10, ''],
      ['Deduction', -1.5, 8.5, ''],
      ['Deduction', -2, 6.5, ''],
    ]);
    expect(log[1]).toEqual({
      Date: '2026-01-07T09:00:00.000Z',
      'Work date': '2026-01-04T23:00:00.000Z',
      Kind: 'Deduction',
      Person: 'Ann',
      Description: 'Kick-off',
      Hours: -1.5,
      'Balance (h)': 8.5,
      Invoice: '',
    });
    const summary = summaryTab(addon, url);
    expect(summary).toMatchObject({
      Client: 'Acme',
      'Hours purchased': 10,
      'Hours used': 3.5,
      'Hours remaining': 6.5,
      'Minimum balance (h)': 5,
      'Below the minimum': 'No',
      'Top-up invoice open': 'No',
      Forecast: 'Not enough data',
    });
    expect(summary['Last top-up']).toBe('2026-01-05: 10.00 h');
  });

  it('draws one balance chart from the log tab, updated rather than duplicated', () => {
    const addon = standardWorkbook();
    const { url } = addon.server.exportPrepaidLog('Acme');
    addon.server.authorizeEntries(['E-1']);
    addon.server.exportPrepaidLog('Acme');
    const summary = openClientFile(addon, url).getSheetByName('Summary')!;
    const charts = summary.getCharts();
    expect(charts).toHaveLength(1);
    expect(String(charts[0].modify().getChartType())).toBe('LINE');
    const ranges = charts[0].getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);
    expect(ranges).toEqual(['Log!A1:A3', 'Log!G1:G3']);
    const options = charts[0].getOptions();
    expect(['title', 'hAxis.title', 'vAxis.title', 'legend.position'].map((o) => options.get(o))).toEqual([
      'Balance (h) over time',
      'Date',
      'Balance (hours)',
      'bottom',
    ]);
  });

  it('writes each tab in one setValues whatever the size of the log', () => {
    const counts = (entries: number) => {
      const addon = standardWorkbook();
      for (let i = 0; i < entries; i++) addon.server.addCredits('Acme', 1, `Block ${i}`);
      addon.server.exportPrepaidLog('Acme');
      addon.emu.calls.reset();
      addon.server.exportPrepaidLog('Acme');
      return addon.emu.calls.count('Range.setValues');
    };
    expect(counts(2)).toBe(2);
    expect(counts(60)).toBe(2);
  });

  it('a period opens with the balance at its start, which is the balance after the last row before it', () => {
    const addon = standardWorkbook();
    addon.emu.clock.set(Date.UTC(2026, 0, 12, 10));
    addon.server.authorizeEntries(['E-1']);
    addon.emu.clock.set(Date.UTC(2026, 0, 19, 10));
    addon.server.authorizeEntries(['E-2']);
    addon.emu.clock.set(Date.UTC(2026, 1, 2, 10));
    addon.server.addCredits('Acme', 5, 'February block');
    const result = addon.server.exportPrepaidLog('Acme', { from: '2026-01-15', to: '2026-01-31' });
    expect(result).toMatchObject({ from: '2026-01-15', to: '2026-01-31' });
    const periodStart = Date.UTC(2026, 0, 14, 23); // 2026-01-15 00:00 in Brussels
    const agencyLog = rows(addon, 'Prepaid log').filter((r) => r.Client === 'Acme' && (r.Timestamp as Date).getTime() < periodStart);
    const balanceAtStart = agencyLog[agencyLog.length - 1]['Balance after (h)'];
    const log = logTab(addon, result.url);
    expect(balanceAtStart).toBe(8.5);
    expect(log[0]).toMatchObject({ Kind: 'Opening balance', 'Balance (h)': balanceAtStart, Date: '2026-01-14T23:00:00.000Z' });
    expect(log.slice(1).map((r) => [r.Kind, r.Hours])).toEqual([['Deduction', -2]]);
    expect(summaryTab(addon, result.url)).toMatchObject({
      Period: '2026-01-15 to 2026-01-31',
      'Opening balance (h)': 8.5,
      'Balance at the end of the period (h)': 6.5,
      'Balance now (h)': 11.5,
    });
    // The weeks end with the period's last week (Mon 01-26 to Sun 02-01) and add up to its hours used.
    expect(summaryTab(addon, result.url)).toMatchObject({
      'Hours used per week: the last 8 weeks, 2025-12-08 to 2026-02-01': 'Hours',
      'Total, 2025-12-08 to 2026-02-01': 2,
      'Used before 2025-12-08': 0,
      'Hours used (as above)': 2,
      'Hours used': 2,
    });
  });

  it('later refreshes keep the period; an export without one shows everything again', () => {
    const addon = standardWorkbook();
    addon.emu.clock.advance(3 * DAY);
    const { url } = addon.server.exportPrepaidLog('Acme', { from: '2026-01-06' });
    addon.server.authorizeEntries(['E-1']);
    addon.server.exportPrepaidLog('Acme', { from: '2026-01-06' });
    expect(logTab(addon, url).map((r) => r.Kind)).toEqual(['Opening balance', 'Deduction']);
    addon.server.exportPrepaidLog('Acme');
    expect(logTab(addon, url).map((r) => r.Kind)).toEqual(['Top-up', 'Deduction']);
  });

  it('refuses bad periods with a reason', () => {
    const addon = standardWorkbook();
    expect(() => addon.server.exportPrepaidLog('Acme', { from: '2026-02-30' })).toThrow(/not a date written yyyy-mm-dd/);
    expect(() => addon.server.exportPrepaidLog('Acme', { from: '2026-02-10', to: '2026-02-01' })).toThrow(/before it starts/);
  });

  it('saves a PDF of the report next to the file and links it', () => {
    const addon = standardWorkbook();
    const { url, pdfUrl } = addon.server.exportPrepaidLog('Acme', { pdf: true });
    expect(pdfUrl).toBeTruthy();
    const pdf = addon.emu.files.list().find((f) => f.mimeType === 'application/pdf')!;
    expect(pdf.name).toBe('Prepaid log — Acme 2026-01-05 1000.pdf');
    expect(pdf.parents).toEqual(driveRecord(addon, url).parents);
    const content = addon.emu.files.content(pdf.id);
    expect(content).toContain('Initial block');
    expect(content).not.toMatch(/Entry ID|Log ID|Raw hours|Reference/);
  });

  it('the PDF shows no Entry ID, Log ID or raw hours', () => {
    const addon = standardWorkbook();
    addon.emu.clock.advance(2 * DAY);
    addon.server.authorizeEntries(['E-1', 'E-2']);
    addon.server.exportPrepaidLog('Acme', { pdf: true });
    const pdf = addon.emu.files.list().find((f) => f.mimeType === 'application/pdf')!;
    const content = String(addon.emu.files.content(pdf.id));
    expect(content).toContain('Kick-off');
    const ids = rows(addon, 'Prepaid log')
      .flatMap((r) => [String(r['Log ID']), String(r['Entry ID'])])
      .filter(Boolean);
    expect(ids).toContain('E-1');
    expect(ids.filter((id) => content.includes(`>${id}<`))).toEqual([]);
    expect(content).not.toMatch(/Entry ID|Log ID|Raw hours/);
  });

  it('returns the log as CSV when asked', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const { csv } = addon.server.exportPrepaidLog('Acme', { csv: true });
    expect(csv).toBe(
      'Date,Work date,Kind,Person,Description,Hours,Balance (h),Invoice\r\n2026-01-05,,Top-up,,Initial block,10.00,10.00,\r\n2026-01-05,2026-01-05,Deduction,Ann,Kick-off,-1.50,8.50,\r\n',
    );
  });

  it("returns the agency's CSV, with Log ID, Entry ID and raw hours, when asked for it", () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const { csv } = addon.server.exportPrepaidLog('Acme', { csv: 'agency' });
    const logIds = rows(addon, 'Prepaid log')
      .filter((r) => r.Client === 'Acme')
      .map((r) => r['Log ID']);
    expect(csv).toBe(
      'Date,Work date,Kind,Person,Description,Hours,Balance (h),Invoice,Log ID,Entry ID,Raw hours\r\n' +
        `2026-01-05,,Top-up,,Initial block,10.00,10.00,,${logIds[0]},,\r\n` +
        `2026-01-05,2026-01-05,Deduction,Ann,Kick-off,-1.50,8.50,,${logIds[1]},E-1,1.50\r\n`,
    );
    expect(() => addon.server.exportPrepaidLog('Acme', { csv: 'all' as never })).toThrow(/csv option "all" is not one of/);
  });

  it('is for authorizers only, and names unknown clients', () => {
    const addon = standardWorkbook();
    expect(() => addon.as(EDITOR).exportPrepaidLog('Acme')).toThrow(/Only authorizers/);
    expect(() => addon.server.exportPrepaidLog('Acme Corp')).toThrow(/no client "Acme Corp"/);
    expect(clientLogFiles(addon, 'Acme')).toHaveLength(0);
  });

  it('is on the menu: asks for the client and shows the link', () => {
    const addon = standardWorkbook();
    addon.emu.ui.nextPromptText = 'Acme';
    addon.call('menuExportPrepaidLog', []);
    const alert = addon.emu.ui.alerts[addon.emu.ui.alerts.length - 1];
    expect(alert.prompt).toMatch(/Created the prepaid log of Acme: 10\.00 h left.*https:\/\/docs\.google\.com/s);
  });
});

describe('exportPrepaidLog stopped after each write, then run again', () => {
  function reference() {
    const addon = standardWorkbook();
    const { url } = addon.server.exportPrepaidLog('Acme');
    return addon.emu.snapshot(openClientFile(addon, url));
  }

  it('ends with one file, named right, with the same content as an uninterrupted run', () => {
    const expected = reference();
    let stoppedRuns = 0;
    for (let k = 0; ; k++) {
      const addon = standardWorkbook();
      addon.emu.faults.stopAfterWrites(k);
      let stopped = false;
      try {
        addon.server.exportPrepaidLog('Acme');
      } catch (error) {
        if (!(error instanceof Error) || error.name !== ScriptStopped.name) throw error;
        stopped = true;
      }
      addon.emu.faults.clear();
      const { url } = addon.server.exportPrepaidLog('Acme');
      expect(clientLogFiles(addon, 'Acme').map((f) => f.name)).toEqual(['Prepaid log — Acme']);
      expect(addon.emu.snapshot(openClientFile(addon, url))).toEqual(expected);
      if (!stopped) break;
      stoppedRuns++;
    }
    expect(stoppedRuns).toBeGreaterThan(5);
  });
});
