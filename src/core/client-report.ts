/**
 * The prepaid log report a client reads: their own rows only (exact name match), with a
 * running balance, the summary figures (purchased, used, remaining, last top-up, use per
 * week) and a run-out forecast from the recent burn rate. Pure: the adapter supplies the
 * log, the clock and what Settings hide, and formats dates in the sheet's zone.
 *
 * Two clocks are used on purpose. A period selects rows by when they entered the log, so
 * its opening balance chains exactly onto the balance before it. Use per week and the
 * burn rate follow when the work was done (the entry's date), so authorizing a month of
 * entries at once does not look like a burst.
 */
import { formatHours } from './quantities';
import type { Client, LogKind, LogRow } from './types';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks shown in the summary's "hours used per week". */
export const WEEKS_SHOWN = 8;
/** The burn rate is the average use over at most this window... */
export const FORECAST_WINDOW_DAYS = 28;
/** ...and needs at least this much history, on at least two different days. */
export const FORECAST_MIN_DAYS = 14;

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

/** One row of the client's log tab. */
export interface ClientLogLine {
  /** When the row entered the log (for the opening line: the period's start). */
  at: number;
  kind: LogKind;
  /** The entry's date, for deductions and reversals. */
  workDate: number | null;
  person: string;
  description: string;
  /** For deductions and reversals: the entry's minutes before rounding. */
  rawMinutes: number | null;
  /** Signed: what the row adds to the balance. */
  minutes: number;
  balanceMinutes: number;
  /** The invoice number of a top-up, the Entry ID of a deduction or reversal. */
  reference: string;
}

export interface WeekUse {
  /** The week covers (from, to]: the seven calendar days ending on `to`'s day. */
  from: number;
  to: number;
  minutes: number;
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
  weeks: WeekUse[];
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
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/g;

function nameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

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
    reference: use ? row.entryId : row.kind === 'Top-up' ? row.reference : '',
  };
}

/** Minutes used (deductions net of reversals) per rolling week, oldest first, ending now. */
export function weeklyUse(rows: readonly LogRow[], now: number, weeks = WEEKS_SHOWN): WeekUse[] {
  const out: WeekUse[] = [];
  for (let k = weeks - 1; k >= 0; k--) out.push({ from: now - (k + 1) * WEEK_MS, to: now - k * WEEK_MS, minutes: 0 });
  for (const row of rows) {
    if (!isUse(row)) continue;
    // Week k (0 = the latest) holds what was worked in (now − (k+1) weeks, now − k weeks].
    const k = Math.floor((now - Math.min(usedAt(row), now)) / WEEK_MS);
    if (k < weeks) out[weeks - 1 - k].minutes -= row.minutes;
  }
  return out;
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
      reference: '',
    });
  }
  let openingMinutes = running;
  let purchasedMinutes = 0;
  let usedMinutes = 0;
  let adjustedMinutes = 0;
  for (const row of rows) {
    if (!inPeriod(row, period)) continue;
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
    weeks: weeklyUse(rows, now),
    forecast: forecastRunOut(rows, balanceMinutes, now),
    lines,
  };
}
