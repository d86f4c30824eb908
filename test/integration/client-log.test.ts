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
    expect(log.map((r) => [r.Kind, r.Hours, r['Balance (h)'], r.Reference])).toEqual([
      ['Top-up', 10, 10, ''],
      ['Deduction', -1.5, 8.5, 'E-1'],
      ['Deduction', -2, 6.5, 'E-2'],
    ]);
    expect(log[1]).toMatchObject({ Description: 'Kick-off', Person: 'Ann', 'Raw hours': 1.5, 'Work date': '2026-01-04T23:00:00.000Z' });
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
    expect(ranges).toEqual(['Log!A1:A3', 'Log!H1:H3']);
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
    expect(log.slice(1).map((r) => r.Reference)).toEqual(['E-2']);
    expect(summaryTab(addon, result.url)).toMatchObject({
      Period: '2026-01-15 to 2026-01-31',
      'Opening balance (h)': 8.5,
      'Balance at the end of the period (h)': 6.5,
      'Balance now (h)': 11.5,
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
    expect(addon.emu.files.content(pdf.id)).toContain('Initial block');
  });

  it('returns the log as CSV when asked', () => {
    const addon = standardWorkbook();
    addon.server.authorizeEntries(['E-1']);
    const { csv } = addon.server.exportPrepaidLog('Acme', { csv: true });
    expect(csv).toBe(
      'Date,Work date,Kind,Person,Description,Raw hours,Hours,Balance (h),Reference\r\n2026-01-05,,Top-up,,Initial block,,10.00,10.00,\r\n2026-01-05,2026-01-05,Deduction,Ann,Kick-off,1.50,-1.50,8.50,E-1\r\n',
    );
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
