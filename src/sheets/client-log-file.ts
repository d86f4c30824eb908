/**
 * The client's own spreadsheet: a `Summary` tab (figures, forecast, use per week and a
 * chart of the balance) and a `Log` tab (their rows with the running balance). Each tab is
 * written whole in one `setValues`, padded with blanks over what the last refresh left, so
 * a refresh never leaves stale rows behind. All user text goes through `asText`, so a
 * description like `=IMPORTRANGE(…)` stays text; nothing from the agency's workbook (its
 * ID, URL, other clients, internal columns) is ever written here.
 */
import { DAY_MS, type ClientLogLine, type ClientLogView, type ClientReport } from '../core/client-report';
import { formatHours, minutesToHours } from '../core/quantities';
import { asText, csvSafe } from './cell-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SUMMARY_SHEET = 'Summary';
export const LOG_SHEET = 'Log';
const HOURS_FORMAT = '0.00';
const DATE_FORMAT = 'yyyy-mm-dd';

/** The file's title, the same in Drive and in the sheet. */
export function clientLogTitle(client: string): string {
  return `Prepaid log — ${client}`;
}

/** Facts the summary shows that do not come from the log. */
export interface SummaryFacts {
  /** The open top-up invoice's number, or null when none is open. */
  openInvoice: string | null;
  /** Formats an instant in the agency's time zone (Utilities.formatDate patterns). */
  format(time: number, pattern: string): string;
}

type Cell = string | number | Date;
type Column = { header: string; value: (line: ClientLogLine) => Cell; format?: string };

/** The log tab's columns; Person and Description are left out when Settings hide them. */
function logColumns(view: ClientLogView): Column[] {
  const hours = (minutes: number | null) => (minutes === null ? '' : minutesToHours(minutes));
  const columns: (Column | null)[] = [
    { header: 'Date', value: (l) => new Date(l.at), format: DATE_FORMAT },
    { header: 'Work date', value: (l) => (l.workDate === null ? '' : new Date(l.workDate)), format: DATE_FORMAT },
    { header: 'Kind', value: (l) => l.kind },
    view.person === 'hidden' ? null : { header: 'Person', value: (l) => l.person },
    view.showDescriptions ? { header: 'Description', value: (l) => l.description } : null,
    { header: 'Raw hours', value: (l) => hours(l.rawMinutes), format: HOURS_FORMAT },
    { header: 'Hours', value: (l) => hours(l.minutes), format: HOURS_FORMAT },
    { header: 'Balance (h)', value: (l) => hours(l.balanceMinutes), format: HOURS_FORMAT },
    { header: 'Reference', value: (l) => l.reference },
  ];
  return columns.filter((c): c is Column => c !== null);
}

function day(facts: SummaryFacts, time: number): string {
  return facts.format(time, 'yyyy-MM-dd');
}

function forecastText(report: ClientReport, facts: SummaryFacts): string {
  const f = report.forecast;
  if (f.status === 'date' && f.date !== null) return `Credits run out around ${day(facts, f.date)}`;
  if (f.status === 'exhausted') return 'Credits have run out';
  if (f.status === 'no-recent-use') return 'No run-out date: no recent use';
  return 'Not enough data';
}

function periodText(report: ClientReport, facts: SummaryFacts): string {
  const { from, to } = report.period;
  if (from === null && to === null) return 'All entries';
  const start = from === null ? 'the first entry' : day(facts, from);
  const end = to === null ? 'today' : day(facts, to - 1);
  return `${start} to ${end}`;
}

/** Rows of the summary tab (label, value), and which rows hold hours (for their number format). */
export function summaryRows(report: ClientReport, facts: SummaryFacts): { rows: Cell[][]; hourRows: number[][] } {
  const hasFrom = report.period.from !== null;
  const hasTo = report.period.to !== null;
  const figures: [string, number][] = [
    ...(hasFrom ? [['Opening balance (h)', report.openingMinutes] as [string, number]] : []),
    ['Hours purchased', report.purchasedMinutes],
    ['Hours used', report.usedMinutes],
    ['Adjustments (h)', report.adjustedMinutes],
    [hasTo ? 'Balance at the end of the period (h)' : 'Hours remaining', report.closingMinutes],
    ...(hasTo ? [['Balance now (h)', report.balanceMinutes] as [string, number]] : []),
    ['Minimum balance (h)', report.minimumMinutes],
  ];
  const last = report.lastTopUp;
  const head: Cell[][] = [
    [clientLogTitle(report.client), ''],
    ['Client', report.client],
    ['Report date', facts.format(report.asOf, 'yyyy-MM-dd HH:mm')],
    ['Period', periodText(report, facts)],
    ['', ''],
  ];
  const figuresAt = head.length + 1;
  const rows: Cell[][] = [
    ...head,
    ...figures.map(([label, minutes]) => [label, minutesToHours(minutes)]),
    ['Below the minimum', report.belowMinimum ? 'Yes' : 'No'],
    ['Top-up invoice open', facts.openInvoice ? `Yes: ${facts.openInvoice}` : 'No'],
    ['Last top-up', last ? `${day(facts, last.at)}: ${formatHours(last.minutes)} h${last.reference ? ` (${last.reference})` : ''}` : 'None yet'],
    ['Forecast', forecastText(report, facts)],
    ['How the forecast is made', report.forecast.method],
    ['', ''],
    ['Hours used per week', 'Hours'],
  ];
  const weeksAt = rows.length + 1;
  for (const w of report.weeks) rows.push([`${day(facts, w.to - 6 * DAY_MS)} to ${day(facts, w.to)}`, minutesToHours(w.minutes)]);
  return {
    rows,
    hourRows: [
      [figuresAt, figures.length],
      [weeksAt, report.weeks.length],
    ],
  };
}

/** The log tab as a header row and one row per line. */
export function logRows(report: ClientReport, view: ClientLogView): { header: string[]; rows: Cell[][] } {
  const columns = logColumns(view);
  return { header: columns.map((c) => c.header), rows: report.lines.map((l) => columns.map((c) => c.value(l))) };
}

function csvCell(value: Cell, facts: SummaryFacts): string {
  const text = typeof value === 'number' ? value.toFixed(2) : typeof value === 'string' ? csvSafe(value) : day(facts, value.getTime());
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The log tab as CSV; text that could start a formula is prefixed with an apostrophe. */
export function clientLogCsv(report: ClientReport, view: ClientLogView, facts: SummaryFacts): string {
  const columns = logColumns(view);
  const body = report.lines.map((l) => columns.map((c) => csvCell(c.value(l), facts)).join(','));
  return `${[columns.map((c) => c.header).join(','), ...body].join('\r\n')}\r\n`;
}

function sheetNamed(spreadsheet: Spreadsheet, name: string): { sheet: Sheet; isNew: boolean } {
  const existing = spreadsheet.getSheetByName(name);
  return existing ? { sheet: existing, isNew: false } : { sheet: spreadsheet.insertSheet(name), isNew: true };
}

/**
 * Writes `values` from A1 in one setValues, blanking whatever the previous write left below
 * or beside it. Every string goes through asText, so it stays the text it is.
 */
function writeWhole(sheet: Sheet, values: Cell[][], width: number): void {
  const height = Math.max(values.length, sheet.getLastRow());
  const fullWidth = Math.max(width, sheet.getLastColumn());
  const cell = (value: Cell | undefined) => (value === undefined ? '' : typeof value === 'string' ? asText(value) : value);
  const block = Array.from({ length: height }, (_, r) => Array.from({ length: fullWidth }, (_, c) => cell(values[r]?.[c])));
  const missing = height - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const missingColumns = fullWidth - sheet.getMaxColumns();
  if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
  sheet.getRange(1, 1, height, fullWidth).setValues(block);
}

/**
 * Gives a new file its two tabs: the first sheet becomes `Summary`, `Log` is added with a
 * frozen header. Run on every write, it only adds what is missing (a tab someone deleted).
 */
function ensureTabs(spreadsheet: Spreadsheet): { summary: Sheet; log: Sheet } {
  let summary = spreadsheet.getSheetByName(SUMMARY_SHEET);
  if (!summary) {
    const first = spreadsheet.getSheets()[0];
    summary = first && first.getName() !== LOG_SHEET && first.getLastRow() === 0 ? first.setName(SUMMARY_SHEET) : spreadsheet.insertSheet(SUMMARY_SHEET);
  }
  const log = sheetNamed(spreadsheet, LOG_SHEET);
  if (log.isNew) log.sheet.setFrozenRows(1);
  return { summary, log: log.sheet };
}

/** The balance-over-time chart on the summary tab, drawn from the log tab's Date and Balance columns. */
function drawChart(summary: Sheet, log: Sheet, header: string[], lineCount: number): void {
  const height = lineCount + 1;
  const dates = log.getRange(1, header.indexOf('Date') + 1, height, 1);
  const balance = log.getRange(1, header.indexOf('Balance (h)') + 1, height, 1);
  const existing = summary.getCharts()[0];
  const builder = (existing ? existing.modify().clearRanges() : summary.newChart())
    .asLineChart()
    .addRange(dates)
    .addRange(balance)
    .setNumHeaders(1)
    .setPosition(1, 4, 0, 0)
    .setOption('title', 'Balance (h) over time')
    .setOption('legend', { position: 'none' });
  if (existing) summary.updateChart(builder.build());
  else summary.insertChart(builder.build());
}

/**
 * Writes the report into the client's spreadsheet: the summary, the whole log tab in one
 * setValues, their number formats and the chart.
 */
export function writeClientLogFile(spreadsheet: Spreadsheet, report: ClientReport, view: ClientLogView, facts: SummaryFacts): void {
  const { summary, log } = ensureTabs(spreadsheet);
  const table = logRows(report, view);
  const rowsCount = table.rows.length;
  writeWhole(log, [table.header, ...table.rows], table.header.length);
  if (rowsCount > 0) {
    // The date columns lead and the hours columns are adjacent: one call per format.
    const columns = logColumns(view);
    for (const format of [DATE_FORMAT, HOURS_FORMAT]) {
      const first = columns.findIndex((c) => c.format === format);
      log.getRange(2, first + 1, rowsCount, columns.filter((c) => c.format === format).length).setNumberFormat(format);
    }
  }
  const { rows, hourRows } = summaryRows(report, facts);
  writeWhole(summary, rows, 2);
  for (const [row, count] of hourRows) if (count > 0) summary.getRange(row, 2, count, 1).setNumberFormat(HOURS_FORMAT);
  drawChart(summary, log, table.header, rowsCount);
}
