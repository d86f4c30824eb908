/**
 * The client's own spreadsheet: a `Summary` tab (figures, forecast, use per week and a
 * chart of the balance) and a `Log` tab (their rows with the running balance). Each tab is
 * written whole in one `setValues`, padded with blanks over what the last refresh left, so
 * a refresh never leaves stale rows behind. All user text goes through `asText`, so a
 * description like `=IMPORTRANGE(…)` stays text; nothing from the agency's workbook (its
 * ID, URL, other clients, Log IDs, Entry IDs, raw hours) is ever written here. Only the
 * agency's own CSV adds those, to reconcile with the workbook.
 */
import { type ClientLogLine, type ClientLogView, type ClientReport, WEEKS_SHOWN } from '../core/client-report';
import { formatHours, minutesToHours } from '../core/quantities';
import { asText, csvSafe } from './cell-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SUMMARY_SHEET = 'Summary';
export const LOG_SHEET = 'Log';
const HOURS_FORMAT = '0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
/** Pixels for the summary's label column, wide enough for "Hours used per week: the last 8 weeks, …". */
const SUMMARY_LABEL_WIDTH = 400;

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
/** A log column: its header, its value per line, its number format and its width in pixels. */
type Column = { header: string; value: (line: ClientLogLine) => Cell; format?: string; width: number };

/**
 * Who a log table is for: the client (their file, its PDF, the plain CSV), or the agency,
 * whose CSV adds the Log ID, Entry ID and raw hours of each row.
 */
export type Audience = 'client' | 'agency';

const hours = (minutes: number | null): Cell => (minutes === null ? '' : minutesToHours(minutes));

/** The agency's extra columns, after the client's. */
const AGENCY_COLUMNS: Column[] = [
  { header: 'Log ID', value: (l) => l.logId, width: 140 },
  { header: 'Entry ID', value: (l) => l.entryId, width: 140 },
  { header: 'Raw hours', value: (l) => hours(l.rawMinutes), format: HOURS_FORMAT, width: 80 },
];

/** The log tab's columns; Person and Description are left out when Settings hide them. */
function logColumns(view: ClientLogView, audience: Audience = 'client'): Column[] {
  const columns: (Column | null)[] = [
    { header: 'Date', value: (l) => new Date(l.at), format: DATE_FORMAT, width: 85 },
    { header: 'Work date', value: (l) => (l.workDate === null ? '' : new Date(l.workDate)), format: DATE_FORMAT, width: 85 },
    { header: 'Kind', value: (l) => l.kind, width: 100 },
    view.person === 'hidden' ? null : { header: 'Person', value: (l) => l.person, width: 120 },
    view.showDescriptions ? { header: 'Description', value: (l) => l.description, width: 260 } : null,
    { header: 'Hours', value: (l) => hours(l.minutes), format: HOURS_FORMAT, width: 60 },
    { header: 'Balance (h)', value: (l) => hours(l.balanceMinutes), format: HOURS_FORMAT, width: 80 },
    { header: 'Invoice', value: (l) => l.invoice, width: 110 },
    ...(audience === 'agency' ? AGENCY_COLUMNS : []),
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
  ];
  const { weekRows, hourRows: weekHourRows } = weekTable(report, rows.length + 1);
  rows.push(...weekRows);
  return { rows, hourRows: [[figuresAt, figures.length], ...weekHourRows] };
}

/** How the use-per-week table's heading starts; it goes on to name the weeks it shows. */
export const WEEKS_HEADING = 'Hours used per week';

/**
 * The use-per-week table: a heading naming its weeks (Monday to Sunday), one row per
 * week, their total, and what was used before (and after) them, down to the "Hours used"
 * the summary shows above, so the table adds up to it.
 */
function weekTable(report: ClientReport, startRow: number): { weekRows: Cell[][]; hourRows: number[][] } {
  const use = report.usePerWeek;
  const weekRows: Cell[][] = [
    [`${WEEKS_HEADING}: the last ${WEEKS_SHOWN} weeks, ${use.from} to ${use.to}`, 'Hours'],
    ...use.weeks.map((w) => [`Mon ${w.monday} to Sun ${w.sunday}${w.current ? ' (so far)' : ''}`, minutesToHours(w.minutes)]),
    [`Total, ${use.from} to ${use.to}`, minutesToHours(use.totalMinutes)],
    [`Used before ${use.from}`, minutesToHours(use.beforeMinutes)],
    ...(use.afterMinutes !== 0 ? [[`Used after ${use.to}`, minutesToHours(use.afterMinutes)]] : []),
    ['Hours used (as above)', minutesToHours(report.usedMinutes)],
  ];
  return { weekRows, hourRows: [[startRow + 1, weekRows.length - 1]] };
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

/**
 * The log tab as CSV, for the client (the file's columns) or the agency (with Log ID, Entry
 * ID and raw hours); text that could start a formula is prefixed with an apostrophe.
 */
export function clientLogCsv(report: ClientReport, view: ClientLogView, facts: SummaryFacts, audience: Audience = 'client'): string {
  const columns = logColumns(view, audience);
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

/** True when the log tab already has exactly these columns (the last write had the same Settings). */
function hasHeader(log: Sheet, header: string[]): boolean {
  if (log.getLastRow() === 0 || log.getLastColumn() !== header.length) return false;
  return log.getRange(1, 1, 1, header.length).getValues()[0].join('\n') === header.join('\n');
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

/** The chart's title and its axes' titles; the legend names the one line after its column. */
export const CHART_TITLE = 'Balance (h) over time';
export const CHART_X_TITLE = 'Date';
export const CHART_Y_TITLE = 'Balance (hours)';

/**
 * The balance-over-time chart on the summary tab, under its figures (so it hides none of
 * them), drawn from the log tab's Date and Balance columns, with titled axes and a legend.
 */
function drawChart(summary: Sheet, log: Sheet, header: string[], lineCount: number, belowRow: number): void {
  const height = lineCount + 1;
  const dates = log.getRange(1, header.indexOf('Date') + 1, height, 1);
  const balance = log.getRange(1, header.indexOf('Balance (h)') + 1, height, 1);
  const existing = summary.getCharts()[0];
  const builder = (existing ? existing.modify().clearRanges() : summary.newChart())
    .addRange(dates)
    .addRange(balance)
    .setNumHeaders(1)
    .setPosition(belowRow + 2, 1, 0, 0)
    .asLineChart()
    .setTitle(CHART_TITLE)
    .setXAxisTitle(CHART_X_TITLE)
    .setYAxisTitle(CHART_Y_TITLE)
    .setLegendPosition(Charts.Position.BOTTOM);
  if (existing) summary.updateChart(builder.build());
  else summary.insertChart(builder.build());
}

/**
 * Writes the report into the client's spreadsheet: the summary, the whole log tab in one
 * setValues, their number formats, the column widths (when the columns change) and the chart.
 */
export function writeClientLogFile(spreadsheet: Spreadsheet, report: ClientReport, view: ClientLogView, facts: SummaryFacts): void {
  const { summary, log } = ensureTabs(spreadsheet);
  const columns = logColumns(view);
  const table = logRows(report, view);
  const rowsCount = table.rows.length;
  const laidOut = hasHeader(log, table.header);
  writeWhole(log, [table.header, ...table.rows], table.header.length);
  if (rowsCount > 0) {
    // The date columns lead and the hours columns are adjacent: one call per format.
    for (const format of [DATE_FORMAT, HOURS_FORMAT]) {
      const first = columns.findIndex((c) => c.format === format);
      log.getRange(2, first + 1, rowsCount, columns.filter((c) => c.format === format).length).setNumberFormat(format);
    }
  }
  const { rows, hourRows } = summaryRows(report, facts);
  writeWhole(summary, rows, 2);
  for (const [row, count] of hourRows) if (count > 0) summary.getRange(row, 2, count, 1).setNumberFormat(HOURS_FORMAT);
  if (!laidOut) {
    // Readable widths, set when the columns change: the summary's labels are whole sentences;
    // each log column fits what it holds. A refresh leaves widths the owner changed alone.
    summary.setColumnWidth(1, SUMMARY_LABEL_WIDTH);
    columns.forEach((column, i) => log.setColumnWidth(i + 1, column.width));
  }
  drawChart(summary, log, table.header, rowsCount, rows.length);
}
