/**
 * The prepaid log report a client reads: their own rows only (exact name match), with a
 * running balance, the summary figures (purchased, used, remaining, last top-up, use per
 * week) and a run-out forecast from the recent burn rate. Pure: the adapter supplies the
 * log, the clock and what Settings hide, and formats dates in the sheet's zone.
 *
 * Two clocks are used on purpose. A period selects rows by when they entered the log, so
 * its opening balance chains exactly onto the balance before it. Use per week and the
 * burn rate follow when the work was done (the entry's date), so authorizing a month of
 * entries at once does not look like a burst. Weeks are ISO weeks, Monday to Sunday, in
 * the workbook's time zone, and the use per week adds up to the hours used: what falls
 * before (or after) the weeks shown is counted on a line of its own.
 */
import { nameFromEmail } from './people';
import { formatHours } from './quantities';
import type { Client, LogKind, LogRow } from './types';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks shown in the summary's "hours used per week": the current week and the ones before it. */
export const WEEKS_SHOWN = 8;
/** The burn rate is the average use over at most this window... */
export const FORECAST_WINDOW_DAYS = 28;
/** ...and needs at least this much history, on at least two different days. */
export const FORECAST_MIN_DAYS = 14;

/** The `yyyy-MM-dd` day of an instant in the workbook's time zone (the adapter supplies it). */
export type DayOf = (time: number) => string;

export type PersonShown = 'name' | 'email' | 'hidden';

/** What the agency lets its client see (from Settings). */
export interface ClientLogView {
  person: PersonShown;
  showDescriptions: boolean;
}

/** A period by log time: `from` inclusive, `to` exclusive, epoch ms; null leaves that end open. */
export interface Period {
  from: number | null;
  to: number | null;
}

/**
 * One row of the client's log. The client's file shows the dated, human fields; `logId`,
 * `entryId` and `rawMinutes` are the agency's, for its own export only.
 */
export interface ClientLogLine {
  /** When the row entered the log (for the opening line: the period's start). */
  at: number;
  kind: LogKind;
  /** The entry's date, for deductions and reversals. */
  workDate: number | null;
  person: string;
  description: string;
  /** For deductions and reversals: the entry's minutes before rounding (agency only). */
  rawMinutes: number | null;
  /** Signed: what the row adds to the balance. */
  minutes: number;
  balanceMinutes: number;
  /** The invoice number of a top-up ('' for any other row). */
  invoice: string;
  /** The Entry ID of a deduction or reversal (agency only). */
  entryId: string;
  /** The row's Log ID; '' for the opening line of a period (agency only). */
  logId: string;
}

/** One ISO week (Monday to Sunday, `yyyy-MM-dd` in the workbook's zone) and the hours worked in it. */
export interface WeekUse {
  monday: string;
  sunday: string;
  minutes: number;
  /** True for the week that is still going on: its use so far. */
  current: boolean;
}

/**
 * Use per week over the last {@link WEEKS_SHOWN} weeks of the report, by the date the work
 * was done. before + total + after is the report's `usedMinutes`, always.
 */
export interface UsePerWeek {
  /** Oldest first; the last one holds the period's last day (today, for an open period). */
  weeks: WeekUse[];
  /** The first Monday and the last Sunday shown. */
  from: string;
  to: string;
  totalMinutes: number;
  /** Use in the report's rows worked before `from`, and after `to`. */
  beforeMinutes: number;
  afterMinutes: number;
}

export type ForecastStatus = 'date' | 'not-enough-data' | 'no-recent-use' | 'exhausted';

export interface Forecast {
  status: ForecastStatus;
  /** The day credits run out around, when status is 'date'. */
  date: number | null;
  /** The burn rate the forecast uses, in minutes per week. */
  minutesPerWeek: number | null;
  /** The method in one line, for the client. */
  method: string;
}

export interface ClientReport {
  client: string;
  asOf: number;
  period: Period;
  /** Balance carried into the period (0 without a start), plus any archived opening balance. */
  openingMinutes: number;
  purchasedMinutes: number;
  /** Deductions net of reversals, as a positive number of minutes. */
  usedMinutes: number;
  /** Adjustments, signed. */
  adjustedMinutes: number;
  /** Balance at the period's end: opening + purchased − used + adjusted. */
  closingMinutes: number;
  /** Balance now, whatever the period. */
  balanceMinutes: number;
  minimumMinutes: number;
  belowMinimum: boolean;
  lastTopUp: { at: number; minutes: number; reference: string } | null;
  usePerWeek: UsePerWeek;
  forecast: Forecast;
  lines: ClientLogLine[];
}

export interface ClientReportInput {
  client: Client;
  /** The whole prepaid log, in order; other clients' rows are ignored. */
  log: readonly LogRow[];
  now: number;
  period?: Period;
  view: ClientLogView;
  dayOf: DayOf;
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/g;

/**
 * How the person who did the work is shown: as typed ('email'), not at all ('hidden'), or
 * as a name ('name'), where any email address becomes a name ("jane.doe@x.com" → "Jane Doe",
 * "Jane <jane@x.com>" → "Jane").
 */
export function personForClient(person: string, shown: PersonShown): string {
  if (shown === 'hidden') return '';
  if (shown === 'email') return person;
  const named = /^\s*"?([^"<]*?)"?\s*<[^>]*>\s*$/.exec(person);
  if (named?.[1].trim()) return named[1].trim();
  return person.replace(EMAIL, nameFromEmail).trim();
}

/** When the hours of a usage row were worked: the entry's date, else when it was logged. */
function usedAt(row: LogRow): number {
  return row.workDate ?? row.at;
}

function isUse(row: LogRow): boolean {
  return row.kind === 'Deduction' || row.kind === 'Reversal';
}

/**
 * Whether a row counts before the period: earlier than its start, or an `Opening balance`
 * (left by archiving) dated at the start itself, which carries everything before it.
 */
function beforePeriod(row: LogRow, period: Period): boolean {
  return period.from !== null && (row.at < period.from || (row.kind === 'Opening balance' && row.at === period.from));
}

function inPeriod(row: LogRow, period: Period): boolean {
  return !beforePeriod(row, period) && (period.to === null || row.at < period.to);
}

function line(row: LogRow, balanceMinutes: number, view: ClientLogView): ClientLogLine {
  const use = isUse(row);
  // Reasons for adjustments and reversals explain a change to the balance, so they always show.
  const hideText = !view.showDescriptions && (row.kind === 'Deduction' || row.kind === 'Top-up');
  return {
    at: row.at,
    kind: row.kind,
    workDate: use ? row.workDate : null,
    person: use ? personForClient(row.person, view.person) : '',
    description: hideText ? '' : row.description,
    rawMinutes: use ? row.rawMinutes : null,
    minutes: row.minutes,
    balanceMinutes,
    invoice: row.kind === 'Top-up' ? row.reference : '',
    entryId: use ? row.entryId : '',
    logId: row.logId,
  };
}

const civil = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number): string => new Date(civil(day) + days * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a day's ISO week. */
const mondayOf = (day: string): string => addDays(day, -((new Date(civil(day)).getUTCDay() + 6) % 7));

/**
 * Minutes used (deductions net of reversals) per ISO week, by the day the work was done,
 * over `count` weeks ending with the week of `lastDay`; `today` marks the current week.
 * What the rows hold outside those weeks goes to `beforeMinutes` and `afterMinutes`.
 */
export function usePerWeek(rows: readonly LogRow[], lastDay: string, today: string, dayOf: DayOf, count = WEEKS_SHOWN): UsePerWeek {
  const lastMonday = mondayOf(lastDay);
  const weeks: WeekUse[] = Array.from({ length: count }, (_, i) => {
    const monday = addDays(lastMonday, (i - count + 1) * 7);
    const sunday = addDays(monday, 6);
    return { monday, sunday, minutes: 0, current: monday <= today && today <= sunday };
  });
  const from = weeks[0].monday;
  const to = weeks[count - 1].sunday;
  let beforeMinutes = 0;
  let afterMinutes = 0;
  for (const row of rows) {
    if (!isUse(row)) continue;
    const worked = dayOf(usedAt(row));
    if (worked < from) beforeMinutes -= row.minutes;
    else if (worked > to) afterMinutes -= row.minutes;
    else weeks[Math.floor((civil(worked) - civil(from)) / WEEK_MS)].minutes -= row.minutes;
  }
  const totalMinutes = weeks.reduce((sum, w) => sum + w.minutes, 0);
  return { weeks, from, to, totalMinutes, beforeMinutes, afterMinutes };
}

/**
 * When credits run out at the recent burn rate: the average use over the last
 * {@link FORECAST_WINDOW_DAYS} days (or since use began, if later), projected from now.
 * Too little history gives 'not-enough-data'; no use in the window gives 'no-recent-use'.
 */
export function forecastRunOut(rows: readonly LogRow[], balanceMinutes: number, now: number): Forecast {
  if (balanceMinutes <= 0) {
    return { status: 'exhausted', date: null, minutesPerWeek: null, method: `The balance is ${formatHours(balanceMinutes)} h: the prepaid hours are used up.` };
  }
  const uses = rows.filter((r) => isUse(r) && usedAt(r) <= now);
  const firstUse = Math.min(...uses.map(usedAt));
  const days = new Set(uses.filter((r) => r.kind === 'Deduction').map((r) => Math.floor(usedAt(r) / DAY_MS)));
  if (uses.length === 0 || now - firstUse < FORECAST_MIN_DAYS * DAY_MS || days.size < 2) {
    return {
      status: 'not-enough-data',
      date: null,
      minutesPerWeek: null,
      method: `Not enough data: a forecast needs use on at least 2 days spread over ${FORECAST_MIN_DAYS} days or more.`,
    };
  }
  const windowMs = Math.min(FORECAST_WINDOW_DAYS * DAY_MS, now - firstUse);
  const windowDays = Math.round(windowMs / DAY_MS);
  const used = -uses.filter((r) => now - usedAt(r) <= windowMs).reduce((sum, r) => sum + r.minutes, 0);
  if (used <= 0) {
    return {
      status: 'no-recent-use',
      date: null,
      minutesPerWeek: 0,
      method: `No hours were used in the last ${windowDays} days, so there is no run-out date.`,
    };
  }
  const minutesPerWeek = Math.round((used * WEEK_MS) / windowMs);
  return {
    status: 'date',
    date: now + Math.round((balanceMinutes * windowMs) / used),
    minutesPerWeek,
    method: `The average use over the last ${windowDays} days (${formatHours(minutesPerWeek)} h per week), applied to the ${formatHours(balanceMinutes)} h left.`,
  };
}

/** Builds the client's report: their rows only, by exact client name. */
export function buildClientReport(input: ClientReportInput): ClientReport {
  const { client, now, view } = input;
  const period: Period = { from: input.period?.from ?? null, to: input.period?.to ?? null };
  if (period.from !== null && period.to !== null && period.to <= period.from) {
    throw new Error('The period ends before it starts: choose a "to" date after the "from" date.');
  }
  const rows = input.log.filter((r) => r.client === client.name);
  const balanceMinutes = rows.reduce((sum, r) => sum + r.minutes, 0);
  let running = rows.filter((r) => beforePeriod(r, period)).reduce((sum, r) => sum + r.minutes, 0);
  const lines: ClientLogLine[] = [];
  if (period.from !== null) {
    lines.push({
      at: period.from,
      kind: 'Opening balance',
      workDate: null,
      person: '',
      description: 'Balance at the start of the period',
      rawMinutes: null,
      minutes: running,
      balanceMinutes: running,
      invoice: '',
      entryId: '',
      logId: '',
    });
  }
  let openingMinutes = running;
  let purchasedMinutes = 0;
  let usedMinutes = 0;
  let adjustedMinutes = 0;
  const shown = rows.filter((r) => inPeriod(r, period));
  for (const row of shown) {
    running += row.minutes;
    lines.push(line(row, running, view));
    if (row.kind === 'Top-up') purchasedMinutes += row.minutes;
    else if (row.kind === 'Adjustment') adjustedMinutes += row.minutes;
    else if (row.kind === 'Opening balance') openingMinutes += row.minutes;
    else usedMinutes -= row.minutes;
  }
  const topUps = rows.filter((r) => r.kind === 'Top-up');
  const last = topUps[topUps.length - 1];
  return {
    client: client.name,
    asOf: now,
    period,
    openingMinutes,
    purchasedMinutes,
    usedMinutes,
    adjustedMinutes,
    closingMinutes: running,
    balanceMinutes,
    minimumMinutes: client.minimumMinutes,
    belowMinimum: balanceMinutes < client.minimumMinutes,
    lastTopUp: last ? { at: last.at, minutes: last.minutes, reference: last.reference } : null,
    // The weeks end on the period's last day, or today when that is earlier (or the period is open).
    usePerWeek: usePerWeek(shown, input.dayOf(period.to === null ? now : Math.min(period.to - 1, now)), input.dayOf(now), input.dayOf),
    forecast: forecastRunOut(rows, balanceMinutes, now),
    lines,
  };
}
