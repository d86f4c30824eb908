/**
 * Tracking time, for everyone who can edit the workbook (not only authorizers): the
 * sidebar's form (`logTime`) and a per-user start/stop timer. The timer keeps its start in
 * the user's properties, so it survives closing the sidebar; starting a second one stops
 * and logs the first. Every entry is validated on the server, gets its Entry ID here and
 * is appended to `Time entries` in one write under the document lock.
 */
import { entryTooLong, formatHours, minutesToHours, parseHours } from '../core/quantities';
import { withDocumentLock } from '../services/document-lock';
import type { Services } from '../services/services';
import { CreditsRepository } from '../sheets/credits.repository';
import { TimeEntriesRepository } from '../sheets/time-entries.repository';
import { dayOf, isDay, startOfDay } from '../services/calendar-day';
import { shortId } from './ledger-session';

/** What the Track time form sends. Hours may be `1:30`, `1.5`, `1h30` or `90m`. */
export interface TimeEntryInput {
  /** `yyyy-MM-dd` in the spreadsheet's time zone; empty means today. */
  date?: string;
  client: string;
  /** Empty means the signed-in user. */
  person?: string;
  description: string;
  hours: string | number;
}

export type TimeEntryField = 'date' | 'client' | 'person' | 'description' | 'hours';

export interface LoggedEntry {
  entryId: string;
  date: string;
  client: string;
  person: string;
  description: string;
  minutes: number;
}

export type FieldErrors = Partial<Record<TimeEntryField, string>>;

/** A refused entry: a message per field, to show next to it. Nothing was written. */
export interface Refused {
  ok: false;
  errors: FieldErrors;
  summary: string;
}

/** Either the logged entry or the refusal. */
export type LogTimeResult = { ok: true; entry: LoggedEntry; summary: string } | Refused;

export interface TimerView {
  client: string;
  description: string;
  startedAt: string;
  /** The start as a person reads it in the spreadsheet's time zone: "2026-01-05 09:30". */
  started: string;
  /** The server's clock when this was read, so the sidebar can count on from it. */
  now: string;
  elapsedMinutes: number;
}

export interface TimerResult {
  ok: true;
  timer: TimerView | null;
  /** The entry a stop logged (also when starting a timer stopped a running one). */
  stopped: LoggedEntry | null;
  summary: string;
}

interface StoredTimer {
  client: string;
  description: string;
  startedAt: number;
  /** Set as a stop begins, before the entry is written, so a retry of a stopped run logs that entry once, with the same end. */
  stop?: { entryId: string; at: number };
}

const TIMER_KEY = 'prepaidTime.timer';

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function refused(errors: FieldErrors): Refused {
  return { ok: false, errors, summary: `Nothing was logged: ${Object.values(errors).join(' ')}` };
}

/** Appends one entry under `entryId` (a new one by default), unless Time entries already holds it. The caller holds the document lock. */
function append(services: Services, entry: Omit<LoggedEntry, 'entryId'>, entryId = shortId('E', services.uuid())): LoggedEntry {
  const logged = { entryId, ...entry };
  const entries = TimeEntriesRepository.read(services.spreadsheet);
  if (entries.entries.some((e) => e.entryId === entryId)) return logged;
  entries.append([
    {
      entryId: logged.entryId,
      date: startOfDay(services, logged.date),
      client: logged.client,
      person: logged.person,
      description: logged.description,
      hours: minutesToHours(logged.minutes),
      status: '',
      authorizedBy: '',
      authorizedAt: null,
      selected: false,
    },
  ]);
  return logged;
}

function loggedSummary(entry: LoggedEntry): string {
  return `Logged ${formatHours(entry.minutes)} h for ${entry.client} on ${entry.date} (${entry.entryId}).`;
}

/** Checks the client and description every entry needs; returns the client's exact name or the errors. */
function checkClientAndDescription(services: Services, client: unknown, description: unknown, errors: FieldErrors): string {
  const name = text(client);
  if (!name) errors.client = 'Choose a client.';
  else {
    const found = CreditsRepository.read(services.spreadsheet).find(name);
    if (!found.ok) errors.client = found.reason;
  }
  if (!text(description)) errors.description = 'Describe the work; the client reads it in their prepaid log.';
  return name;
}

/** Validates a time entry, gives it an Entry ID and appends it to `Time entries`. */
export function logTime(services: Services, input: TimeEntryInput): LogTimeResult {
  if (!input || typeof input !== 'object') throw new Error('logTime needs an entry: { date, client, person, description, hours }.');
  return withDocumentLock(services, () => {
    const errors: FieldErrors = {};
    const date = text(input.date) || dayOf(services, services.now());
    if (!isDay(date)) errors.date = `"${date}" is not a date; use the date picker or write yyyy-mm-dd.`;
    const client = checkClientAndDescription(services, input.client, input.description, errors);
    const person = text(input.person) || services.userEmail();
    if (!person) errors.person = 'Enter who did the work.';
    const hours = parseHours(typeof input.hours === 'number' ? input.hours : text(input.hours));
    if (!hours.ok) errors.hours = hours.reason;
    else if (hours.value === 0) errors.hours = 'Enter more than 0 hours.';
    else if (entryTooLong(hours.value)) errors.hours = entryTooLong(hours.value) as string;
    if (Object.keys(errors).length || !hours.ok) return refused(errors);
    const entry = append(services, { date, client, person, description: text(input.description), minutes: hours.value });
    return { ok: true, entry, summary: loggedSummary(entry) };
  });
}

function readTimer(services: Services): StoredTimer | null {
  const json = services.userProperties().getProperty(TIMER_KEY);
  if (!json) return null;
  try {
    const timer = JSON.parse(json) as StoredTimer;
    return typeof timer.startedAt === 'number' && typeof timer.client === 'string' ? timer : null;
  } catch {
    return null;
  }
}

function elapsedMinutes(timer: StoredTimer, now: number): number {
  return Math.floor(Math.max(0, now - timer.startedAt) / 60_000);
}

function timerView(services: Services, timer: StoredTimer, now: number): TimerView {
  return {
    client: timer.client,
    description: timer.description,
    startedAt: new Date(timer.startedAt).toISOString(),
    started: services.formatDate(timer.startedAt, 'yyyy-MM-dd HH:mm'),
    now: new Date(now).toISOString(),
    elapsedMinutes: elapsedMinutes(timer, now),
  };
}

/**
 * Logs a running timer and clears it. The caller holds the lock. The client and
 * description were checked when it started, so the entry is written even if the client
 * has left Credits since: the time is never lost, and authorizing will name the problem.
 * A timer stopped within its first minute logs one minute.
 */
function stopRunning(services: Services, timer: StoredTimer): LoggedEntry {
  const stop = timer.stop ?? { entryId: shortId('E', services.uuid()), at: services.now() };
  if (!timer.stop) services.userProperties().setProperty(TIMER_KEY, JSON.stringify({ ...timer, stop }));
  const minutes = Math.max(1, Math.round((stop.at - timer.startedAt) / 60_000));
  const entry = append(
    services,
    {
      date: dayOf(services, timer.startedAt),
      client: timer.client,
      person: services.userEmail(),
      description: timer.description,
      minutes,
    },
    stop.entryId,
  );
  services.userProperties().deleteProperty(TIMER_KEY);
  return entry;
}

/** The signed-in user's running timer, or null. */
export function getTimer(services: Services): TimerView | null {
  const timer = readTimer(services);
  return timer ? timerView(services, timer, services.now()) : null;
}

/** Starts the user's timer; a timer already running is stopped and logged first. */
export function startTimer(services: Services, client: string, description: string): TimerResult | Refused {
  return withDocumentLock(services, () => {
    const errors: FieldErrors = {};
    const name = checkClientAndDescription(services, client, description, errors);
    if (!services.userEmail()) errors.person = 'Google did not say who you are, so the timer cannot be kept for you. Log the time with the form instead.';
    if (Object.keys(errors).length) return refused(errors);
    const running = readTimer(services);
    const stopped = running ? stopRunning(services, running) : null;
    const timer: StoredTimer = { client: name, description: text(description), startedAt: services.now() };
    services.userProperties().setProperty(TIMER_KEY, JSON.stringify(timer));
    const started = `Timer started for ${name}.`;
    return { ok: true, timer: timerView(services, timer, timer.startedAt), stopped, summary: stopped ? `${loggedSummary(stopped)} ${started}` : started };
  });
}

/** Stops the user's timer and logs the time in whole minutes. */
export function stopTimer(services: Services): TimerResult {
  return withDocumentLock(services, () => {
    const running = readTimer(services);
    if (!running) return { ok: true, timer: null, stopped: null, summary: 'No timer was running.' };
    const stopped = stopRunning(services, running);
    return { ok: true, timer: null, stopped, summary: loggedSummary(stopped) };
  });
}
