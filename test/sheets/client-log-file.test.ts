/**
 * The client file writer on the emulator, without the bundle: every prefix of the
 * formula-injection corpus (tab and CR included, which the time-entries reader trims away
 * before they could reach it) stays text, and a shorter rewrite leaves no stale rows.
 */
import { createEmulator } from '../../emulator/index';
import { buildClientReport, type ClientLogView } from '../../src/core/client-report';
import { clientLogCsv, writeClientLogFile, type SummaryFacts } from '../../src/sheets/client-log-file';
import { aClient, logRows, NOW, row } from '../../harness/builders';
import { parseCsv } from '../../harness/client-log';

const VIEW: ClientLogView = { person: 'email', showDescriptions: true };
const FACTS: SummaryFacts = { openInvoice: null, format: (time) => new Date(time).toISOString().slice(0, 10) };
const CORPUS = ['=1+1', '+1', '-1', '@A1', '\t=1+1', '\r=1+1', '\n=1', "'text", '=IMPORTRANGE("x","A1")', '0042', '1/2', '12%'];

function corpusReport() {
  const log = logRows(
    row('Top-up', 'Acme', 6000, { at: NOW - 1000, reference: '=HYPERLINK("https://evil.test")' }),
    ...CORPUS.map((text, i) => row('Deduction', 'Acme', -60, { at: NOW, entryId: `E-${i}`, description: text, person: text, workDate: NOW })),
  );
  return buildClientReport({ client: aClient(), log, now: NOW, view: VIEW });
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
    expect(values[1][header.indexOf('Reference')]).toBe('=HYPERLINK("https://evil.test")');
    for (const sheet of emu.spreadsheet.getSheets()) {
      if (sheet.getLastRow() > 0) expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    }
  });

  it('CSV guards the same corpus with an apostrophe', () => {
    const [header, ...lines] = parseCsv(clientLogCsv(corpusReport(), VIEW, FACTS));
    const description = header.indexOf('Description');
    expect(lines.slice(1).map((l) => l[description])).toEqual(CORPUS.map((t) => (/^[=+\-@\t\r\n']/.test(t) ? `'${t}` : t)));
    expect(lines[0][header.indexOf('Reference')]).toBe('\'=HYPERLINK("https://evil.test")');
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
    expect(values[0].filter(Boolean)).toEqual(['Date', 'Work date', 'Kind', 'Raw hours', 'Hours', 'Balance (h)', 'Reference']);
    expect(values.flat()).not.toContain('=1+1');
  });
});
