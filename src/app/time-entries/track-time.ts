/**
 * Tracking time, for everyone who can edit the workbook (not only authorizers): the
 * sidebar's form (`logTime`) and a per-user start/stop timer. The timer keeps its start in
 * the user's properties, so it survives closing the sidebar; starting a second one stops
 * and logs the first. Every entry is validated on the server, gets its Entry ID here and
 * is appended to `Time entries` in one write under the document lock.
 *
 * A timer is not billed by accident: one stopped within its first minute logs nothing,
 * and one shorter than the client's rounding step (5 minutes billed as 15) is only logged
 * when the person confirms it; until then it keeps running.
 */
import { entryTooLong, formatHours, minutesToHours, parseHours } from '../../core/quantities';
import { personName } from '../../core/people';
import { loadSettings } from '../../services/settings.store';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { CreditsRepository } from '../../sheets/credits.repository';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import { dayOf, isDay, startOfDay } from '../../services/calendar-day';
import { shortId } from '../../core/ids';
import { deleteTimer, loadTimer, type StoredTimer, storeTimer } from '../../services/timer.store';

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

/** A stop that needs the person's word first: the timer is shorter than the rounding step. It keeps running. */
export interface TimerConfirmation {
  ok: false;
  needsConfirmation: true;
  timer: TimerView;
  /** The minutes the entry would log, and the rounding step that would bill more. */
  minutes: number;
  roundingMinutes: number;
  summary: string;
}

/** How to stop a timer: `confirm` logs a short timer anyway, `discard` clears it and logs nothing. */
export interface StopOptions {
  confirm?: boolean;
  discard?: boolean;
}

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
    if (!found.ok) errors.client = found.refusal.message;
  }
  if (!text(description)) errors.description = 'Describe the work; the client reads it in their prepaid log.';
  return name;
}

/** The signed-in user's name as Time entries write it: from Settings' People, else from the account's email. */
export function currentPersonName(services: Services): string {
  const email = services.userEmail();
  return email ? personName(email, loadSettings(services).people) : '';
}

/** Validates a time entry, gives it an Entry ID and appends it to `Time entries`. */
export function logTime(services: Services, input: TimeEntryInput): LogTimeResult {
  if (!input || typeof input !== 'object') throw new Error('logTime needs an entry: { date, client, person, description, hours }.');
  return withDocumentLock(services, () => {
    const errors: FieldErrors = {};
    const date = text(input.date) || dayOf(services, services.now());
    if (!isDay(date)) errors.date = `"${date}" is not a date; use the date picker or write yyyy-mm-dd.`;
    const client = checkClientAndDescription(services, input.client, input.description, errors);
    const person = text(input.person) || currentPersonName(services);
    if (!person) errors.person = 'Enter who did the work.';
    const hours = parseHours(typeof input.hours === 'number' ? input.hours : text(input.hours));
    if (!hours.ok) errors.hours = hours.refusal.message;
    else if (hours.value === 0) errors.hours = 'Enter more than 0 hours.';
    else if (entryTooLong(hours.value)) errors.hours = entryTooLong(hours.value) as string;
    if (Object.keys(errors).length || !hours.ok) return refused(errors);
    const entry = append(services, { date, client, person, description: text(input.description), minutes: hours.value });
    return { ok: true, entry, summary: loggedSummary(entry) };
  });
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

/** The minutes a timer stopped at `at` logs: whole minutes, rounded to the nearest. */
function timerMinutes(timer: StoredTimer, at: number): number {
  return Math.round((at - timer.startedAt) / 60_000);
}

/** The rounding step that applies to the timer's client: its own, else the workbook's (0 when none). */
function roundingStep(services: Services, client: string): number {
  const found = CreditsRepository.read(services.spreadsheet).find(client);
  return (found.ok ? found.value.roundingMinutes : null) ?? loadSettings(services).roundingMinutes;
}

/**
 * What stopping the timer now would do before anything is written: nothing to log
 * (under a minute), a question (shorter than the rounding step), or null to log it.
 * A stop already begun (a stopped run left `stop`) is always finished.
 */
function shortTimer(services: Services, timer: StoredTimer, now: number, options: StopOptions): TimerResult | TimerConfirmation | null {
  if (timer.stop) return null;
  const clear = (summary: string): TimerResult => {
    deleteTimer(services.userProperties());
    return { ok: true, timer: null, stopped: null, summary };
  };
  if (options.discard) return clear(`Discarded the timer for ${timer.client}; nothing was logged.`);
  if (now - timer.startedAt < 60_000) {
    const seconds = Math.max(0, Math.floor((now - timer.startedAt) / 1000));
    return clear(`The timer for ${timer.client} ran ${seconds} s, under a minute, so nothing was logged.`);
  }
  const minutes = timerMinutes(timer, now);
  const step = roundingStep(services, timer.client);
  if (options.confirm || minutes >= step) return null;
  return {
    ok: false,
    needsConfirmation: true,
    timer: timerView(services, timer, now),
    minutes,
    roundingMinutes: step,
    summary: `The timer for ${timer.client} ran ${minutes} min; with ${step}-minute rounding, authorizing it deducts ${step} min. Log it anyway, or discard it? It keeps running until you choose.`,
  };
}

/**
 * Logs a running timer and clears it. The caller holds the lock. The client and
 * description were checked when it started, so the entry is written even if the client
 * has left Credits since: the time is never lost, and authorizing will name the problem.
 */
function stopRunning(services: Services, timer: StoredTimer): LoggedEntry {
  const stop = timer.stop ?? { entryId: shortId('E', services.uuid()), at: services.now() };
  if (!timer.stop) storeTimer(services.userProperties(), { ...timer, stop });
  const minutes = Math.max(1, timerMinutes(timer, stop.at));
  const entry = append(
    services,
    {
      date: dayOf(services, timer.startedAt),
      client: timer.client,
      person: currentPersonName(services),
      description: timer.description,
      minutes,
    },
    stop.entryId,
  );
  deleteTimer(services.userProperties());
  return entry;
}

/** The signed-in user's running timer, or null. */
export function getTimer(services: Services): TimerView | null {
  const timer = loadTimer(services.userProperties());
  return timer ? timerView(services, timer, services.now()) : null;
}

/** Starts the user's timer; a timer already running is stopped and logged first. */
export function startTimer(services: Services, client: string, description: string): TimerResult | Refused {
  return withDocumentLock(services, () => {
    const errors: FieldErrors = {};
    const name = checkClientAndDescription(services, client, description, errors);
    if (!services.userEmail()) errors.person = 'Google did not say who you are, so the timer cannot be kept for you. Log the time with the form instead.';
    if (Object.keys(errors).length) return refused(errors);
    const running = loadTimer(services.userProperties());
    const short = running ? shortTimer(services, running, services.now(), {}) : null;
    if (short && !short.ok) {
      return refused({
        client: `Your timer for ${running?.client} is still running, shorter than its rounding step. Stop it first (log or discard it), then start a new one.`,
      });
    }
    const stopped = running && !short ? stopRunning(services, running) : null;
    const timer: StoredTimer = { client: name, description: text(description), startedAt: services.now() };
    storeTimer(services.userProperties(), timer);
    const before = stopped ? `${loggedSummary(stopped)} ` : short ? `${short.summary} ` : '';
    return { ok: true, timer: timerView(services, timer, timer.startedAt), stopped, summary: `${before}Timer started for ${name}.` };
  });
}

/**
 * Stops the user's timer and logs the time in whole minutes. Under a minute logs nothing;
 * shorter than the rounding step asks first (a {@link TimerConfirmation}; the timer keeps
 * running) unless `confirm` is set; `discard` logs nothing.
 */
export function stopTimer(services: Services, options: StopOptions = {}): TimerResult | TimerConfirmation {
  const opts = options && typeof options === 'object' ? options : {};
  return withDocumentLock(services, () => {
    const running = loadTimer(services.userProperties());
    if (!running) return { ok: true, timer: null, stopped: null, summary: 'No timer was running.' };
    const short = shortTimer(services, running, services.now(), { confirm: opts.confirm === true, discard: opts.discard === true });
    if (short) return short;
    const stopped = stopRunning(services, running);
    return { ok: true, timer: null, stopped, summary: loggedSummary(stopped) };
  });
}
