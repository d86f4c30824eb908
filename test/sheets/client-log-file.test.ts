/**
 * The client file writer on the emulator, without the bundle: every prefix of the
 * formula-injection corpus (tab and CR included, which the time-entries reader trims away
 * before they could reach it) stays text, a shorter rewrite leaves no stale rows, no
 * internal ID or raw hours reach the client, the use per week adds up to the hours used,
 * and the chart has a title, axis titles and a legend.
 */
import { createEmulator } from '../../emulator/index';
import { buildClientReport, type ClientLogView, DAY_MS } from '../../src/core/client-report';
import { clientLogCsv, summaryRows, writeClientLogFile, type SummaryFacts } from '../../src/sheets/client-log-file';
import { aClient, logRows, NOW, row, utcDay } from '../../harness/builders';
import { parseCsv } from '../../harness/client-log';

// The source runs here without the bundle: the Charts enum the chart reads is the emulator's global.
beforeAll(() => Object.assign(globalThis, { Charts: createEmulator().globals.Charts }));
afterAll(() => delete (globalThis as { Charts?: unknown }).Charts);

const VIEW: ClientLogView = { person: 'email', showDescriptions: true };
const FACTS: SummaryFacts = { openInvoice: null, format: (time) => new Date(time).toISOString().slice(0, 10) };
const CORPUS = ['=1+1', '+1', '-1', '@A1', '\t=1+1', '\r=1+1', '\n=1', "'text", '=IMPORTRANGE("x","A1")', '0042', '1/2', '12%'];

function corpusReport() {
  const log = logRows(
    row('Top-up', 'Acme', 6000, { at: NOW - 1000, reference: '=HYPERLINK("https://evil.test")' }),
    ...CORPUS.map((text, i) => row('Deduction', 'Acme', -60, { at: NOW, entryId: `E-${i}`, description: text, person: text, workDate: NOW })),
  );
  return buildClientReport({ client: aClient(), log, now: NOW, view: VIEW, dayOf: utcDay });
}

describe('writeClientLogFile', () => {
  it('keeps every corpus string as the same text, with no formula anywhere', () => {
    const emu = createEmulator();
    emu.execution(() => writeClientLogFile(emu.spreadsheet, corpusReport(), VIEW, FACTS));
    const log = emu.spreadsheet.getSheetByName('Log')!;
    const values = log.getDataRange().getValues();
    const header = values[0];
    const lines = values.slice(2);
    expect(lines.map((r) => r[header.indexOf('Description')])).toEqual(CORPUS);
    expect(lines.map((r) => r[header.indexOf('Person')])).toEqual(CORPUS);
    expect(values[1][header.indexOf('Invoice')]).toBe('=HYPERLINK("https://evil.test")');
    for (const sheet of emu.spreadsheet.getSheets()) {
      if (sheet.getLastRow() > 0) expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    }
  });

  it('CSV guards the same corpus with an apostrophe', () => {
    const [header, ...lines] = parseCsv(clientLogCsv(corpusReport(), VIEW, FACTS));
    const description = header.indexOf('Description');
    expect(lines.slice(1).map((l) => l[description])).toEqual(CORPUS.map((t) => (/^[=+\-@\t\r\n']/.test(t) ? `'${t}` : t)));
    expect(lines[0][header.indexOf('Invoice')]).toBe('\'=HYPERLINK("https://evil.test")');
  });

  it('a shorter rewrite blanks what the longer one left', () => {
    const emu = createEmulator();
    const full = corpusReport();
    emu.execution(() => writeClientLogFile(emu.spreadsheet, full, VIEW, FACTS));
    const short = { ...full, lines: full.lines.slice(0, 2) };
    emu.execution(() => writeClientLogFile(emu.spreadsheet, short, { person: 'hidden', showDescriptions: false }, FACTS));
    const log = emu.spreadsheet.getSheetByName('Log')!;
    const values = log.getDataRange().getValues();
    expect(
      values
        .slice(3)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(values[0].filter(Boolean)).toEqual(['Date', 'Work date', 'Kind', 'Hours', 'Balance (h)', 'Invoice']);
    expect(values.flat()).not.toContain('=1+1');
  });
});

/** Eight weeks of work (Mondays and Thursdays) and some before them, with IDs an agency would recognise. */
function workedReport() {
  const monday = Date.UTC(2026, 0, 5, 9); // 2026-01-05, the Monday nine weeks before NOW's week
  const work = Array.from({ length: 9 }, (_, week) =>
    [0, 3].map((d, i) =>
      row('Deduction', 'Acme', -(30 + 15 * i), {
        at: monday + (week * 7 + d) * DAY_MS,
        workDate: monday + (week * 7 + d) * DAY_MS,
        entryId: `E-${week}${i}AB`,
        rawMinutes: 25 + 15 * i,
        description: 'Design review',
        person: 'Ann',
      }),
    ),
  ).flat();
  const log = logRows(row('Top-up', 'Acme', 6000, { at: monday - DAY_MS, reference: 'INV-2026-0001' }), ...work);
  return { log, report: buildClientReport({ client: aClient(), log, now: NOW, view: VIEW, dayOf: utcDay }) };
}

function writtenFile(report: ReturnType<typeof workedReport>['report']) {
  const emu = createEmulator();
  emu.execution(() => writeClientLogFile(emu.spreadsheet, report, VIEW, FACTS));
  return emu.spreadsheet;
}

describe('what the client sees', () => {
  it('no Log ID, Entry ID or raw hours, as a column or as a value, anywhere in the file', () => {
    const { log, report } = workedReport();
    const file = writtenFile(report);
    const cells = file.getSheets().flatMap((sheet) => sheet.getDataRange().getDisplayValues().flat());
    expect(cells).toEqual(expect.not.arrayContaining(['Log ID', 'Entry ID', 'Raw hours', 'Reference']));
    const ids = log.flatMap((r) => [r.logId, r.entryId]).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    expect(cells.filter((cell) => ids.some((id) => cell.includes(id)))).toEqual([]);
    // A raw 0.42 h (25 minutes) is deducted as 0.50: only the deducted hours show.
    expect(cells).not.toContain('0.42');
    expect(cells).toContain('INV-2026-0001');
  });

  it("the client's CSV has the file's columns; the agency's adds Log ID, Entry ID and raw hours", () => {
    const { log, report } = workedReport();
    const [clientHeader, ...clientLines] = parseCsv(clientLogCsv(report, VIEW, FACTS));
    expect(clientHeader).toEqual(['Date', 'Work date', 'Kind', 'Person', 'Description', 'Hours', 'Balance (h)', 'Invoice']);
    expect(clientLines.flat().filter((c) => /^(E|L)-/.test(c))).toEqual([]);
    const [agencyHeader, ...agencyLines] = parseCsv(clientLogCsv(report, VIEW, FACTS, 'agency'));
    expect(agencyHeader).toEqual([...clientHeader, 'Log ID', 'Entry ID', 'Raw hours']);
    expect(agencyLines[1].slice(-3)).toEqual([log[1].logId, 'E-00AB', '0.42']);
  });

  it('the use-per-week table names its weeks, Monday to Sunday, and adds up to the hours used', () => {
    const { report } = workedReport();
    const rows = summaryRows(report, FACTS).rows.map(([label, value]): [string, unknown] => [String(label), value]);
    const heading = rows.findIndex(([label]) => label.startsWith('Hours used per week'));
    expect(rows[heading]).toEqual(['Hours used per week: the last 8 weeks, 2026-01-12 to 2026-03-08', 'Hours']);
    const weeks = rows.slice(heading + 1, heading + 9);
    expect(weeks.map(([label]) => label)).toEqual(
      ['01-12', '01-19', '01-26', '02-02', '02-09', '02-16', '02-23', '03-02'].map(
        (monday, i) => `Mon 2026-${monday} to Sun ${utcDay(Date.UTC(2026, 0, 18) + i * 7 * DAY_MS)}${i === 7 ? ' (so far)' : ''}`,
      ),
    );
    const value = (label: string) => rows.find(([l]) => l === label)?.[1] as number;
    const total = weeks.reduce((sum, [, hours]) => sum + (hours as number), 0);
    expect(value('Total, 2026-01-12 to 2026-03-08')).toBeCloseTo(total, 9);
    expect(value('Total, 2026-01-12 to 2026-03-08') + value('Used before 2026-01-12')).toBeCloseTo(value('Hours used'), 9);
    expect(value('Hours used (as above)')).toBe(value('Hours used'));
    expect(value('Used before 2026-01-12')).toBe(1.25); // the week of Jan 5: 0.50 + 0.75
  });

  it('labels and columns are wide enough to read, and the chart sits under the figures', () => {
    const file = writtenFile(workedReport().report);
    const summary = file.getSheetByName('Summary')!;
    const longest = Math.max(
      ...summary
        .getRange('A:A')
        .getDisplayValues()
        .map(([label]) => label.length),
    );
    expect(summary.getColumnWidth(1)).toBeGreaterThanOrEqual(longest * 6);
    const log = file.getSheetByName('Log')!;
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0];
    expect(log.getColumnWidth(header.indexOf('Description') + 1)).toBeGreaterThan(log.getColumnWidth(header.indexOf('Hours') + 1));
    expect(summary.getCharts()[0].getContainerInfo().getAnchorRow()).toBeGreaterThan(summary.getLastRow());
  });

  it('sets widths when the columns change, and a refresh leaves widths the owner changed', () => {
    const { report } = workedReport();
    const emu = createEmulator();
    emu.execution(() => writeClientLogFile(emu.spreadsheet, report, VIEW, FACTS));
    const log = emu.spreadsheet.getSheetByName('Log')!;
    log.setColumnWidth(5, 420);
    emu.execution(() => writeClientLogFile(emu.spreadsheet, report, VIEW, FACTS));
    expect(log.getColumnWidth(5)).toBe(420);
    emu.execution(() => writeClientLogFile(emu.spreadsheet, report, { person: 'hidden', showDescriptions: true }, FACTS));
    expect(log.getRange('D1').getValue()).toBe('Description');
    expect(log.getColumnWidth(4)).toBe(260);
    expect(log.getColumnWidth(5)).toBe(60);
  });

  it('the chart has a title, axis titles and a legend', () => {
    const file = writtenFile(workedReport().report);
    const [chart] = file.getSheetByName('Summary')!.getCharts();
    const option = (name: string) => chart.getOptions().get(name);
    expect([option('title'), option('hAxis.title'), option('vAxis.title'), option('legend.position')]).toEqual([
      'Balance (h) over time',
      'Date',
      'Balance (hours)',
      'bottom',
    ]);
  });
});
