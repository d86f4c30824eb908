/**
 * Authorization turns open time entries into deductions. Each requested entry is either
 * authorized or skipped with a reason; valid entries go through even when others are
 * skipped. Rounding is applied here, once, and the log keeps raw and rounded minutes.
 * A balance may go below zero, because the work was done: the outcome flags it.
 * An entry of more than a day is refused. An unusual one (over 12 h, a person's day over
 * 24 h, or dated after today) is flagged, and skipped unless the authorizer confirmed it.
 */
import type { Ledger } from './ledger';
import { entryTooLong, formatHours, LONG_DAY_MINUTES, LONG_ENTRY_MINUTES, parseHours } from './quantities';
import { roundUp, type RoundingMinutes } from './rounding';
import type { BalanceChange, Client, EntryFlag, LogRow, SkippedEntry, TimeEntry } from './types';

export interface AuthorizeInput {
  entryIds: readonly string[];
  entries: readonly TimeEntry[];
  clients: ReadonlyMap<string, Client>;
  ledger: Ledger;
  roundingMinutes: RoundingMinutes;
  user: string;
  now: number;
  /** The instant a duration cell of 0:00 stands for (1899-12-30 in the sheet's time zone). */
  durationEpochMs: number;
  newLogId: () => string;
  /** The `yyyy-MM-dd` day of an instant in the workbook's time zone: for "today" and for a person's day. */
  dayOf: (time: number) => string;
  /** Entry IDs the authorizer confirmed despite their flags ("Authorize anyway"). */
  confirmed?: readonly string[];
}

export interface AuthorizedEntry {
  entryId: string;
  /** The sheet row it was on. */
  row: number;
  client: string;
  rawMinutes: number;
  minutes: number;
  /** What the authorizer confirmed to let it through; empty for an ordinary entry. */
  flags: EntryFlag[];
}

export interface AuthorizeOutcome {
  authorized: AuthorizedEntry[];
  skipped: SkippedEntry[];
  logRows: LogRow[];
  balances: BalanceChange[];
}

/** Groups entries by Entry ID so duplicates can be refused rather than guessed at. */
export function indexEntries(entries: readonly TimeEntry[]): Map<string, TimeEntry[]> {
  const byId = new Map<string, TimeEntry[]>();
  for (const entry of entries) {
    if (!entry.entryId) continue;
    const list = byId.get(entry.entryId);
    if (list) list.push(entry);
    else byId.set(entry.entryId, [entry]);
  }
  return byId;
}

/** Summarises how each touched client's balance moved, flagging minimums and negatives. */
export function balanceChanges(before: ReadonlyMap<string, number>, ledger: Ledger, clients: ReadonlyMap<string, Client>): BalanceChange[] {
  return [...before].map(([client, beforeMinutes]) => {
    const afterMinutes = ledger.balance(client);
    const minimumMinutes = clients.get(client)?.minimumMinutes ?? 0;
    return {
      client,
      beforeMinutes,
      afterMinutes,
      minimumMinutes,
      belowMinimum: afterMinutes < minimumMinutes,
      negative: afterMinutes < 0,
    };
  });
}

function skip(entryId: string, code: SkippedEntry['code'], message: string, row?: number): SkippedEntry {
  return row === undefined ? { entryId, code, message } : { entryId, code, message, row };
}

/** Memoizes `dayOf`: dates repeat (one midnight per day), and formatting each row would cost. */
function dayMemo(dayOf: (time: number) => string): (time: number) => string {
  const days = new Map<number, string>();
  return (time) => {
    const known = days.get(time);
    if (known !== undefined) return known;
    const day = dayOf(time);
    days.set(time, day);
    return day;
  };
}

const personKey = (person: string) => person.trim().toLowerCase();

/**
 * Minutes logged per person and day, over every row of the sheet (authorized or not), for
 * the people in `requested`. Unreadable hours, and entries refused for holding more than a
 * day, count as nothing: a typo is not a long day.
 */
function minutesPerPersonDay(
  entries: readonly TimeEntry[],
  requested: readonly TimeEntry[],
  day: (time: number) => string,
  epoch: number,
): Map<string, number> {
  const people = new Set(requested.map((e) => personKey(e.person)).filter(Boolean));
  const totals = new Map<string, number>();
  for (const entry of entries) {
    const who = personKey(entry.person);
    if (entry.date === null || !people.has(who)) continue;
    const hours = parseHours(entry.hours, epoch);
    if (!hours.ok || entryTooLong(hours.value)) continue;
    const key = `${who}|${day(entry.date)}`;
    totals.set(key, (totals.get(key) ?? 0) + hours.value);
  }
  return totals;
}

/** What is unusual about an entry of `minutes`: a long entry, a long day for its person, a date after today. */
function entryFlags(entry: TimeEntry, minutes: number, today: string, day: (time: number) => string, perDay: ReadonlyMap<string, number>): EntryFlag[] {
  const flags: EntryFlag[] = [];
  if (minutes > LONG_ENTRY_MINUTES) {
    flags.push({ code: 'long-entry', message: `${formatHours(minutes)} h in one entry is more than 12 h.` });
  }
  const date = entry.date === null ? '' : day(entry.date);
  const total = perDay.get(`${personKey(entry.person)}|${date}`) ?? 0;
  if (date && entry.person.trim() && total > LONG_DAY_MINUTES) {
    flags.push({ code: 'long-day', message: `${entry.person.trim()} logged ${formatHours(total)} h on ${date}, more than 24 h in one day.` });
  }
  if (date > today) flags.push({ code: 'future-date', message: `It is dated ${date}, after today (${today}).` });
  return flags;
}

/** The skip for a flagged entry that was not confirmed: the first flag's code, and every flag in words. */
function needsConfirmation(entry: TimeEntry, flags: EntryFlag[]): SkippedEntry {
  const what = flags.map((f) => f.message).join(' ');
  return {
    ...skip(
      entry.entryId,
      flags[0].code,
      `Entry ${entry.entryId} (row ${entry.row}): ${what} If that is right, authorize it anyway from the sidebar.`,
      entry.row,
    ),
    flags,
  };
}

/** Plans the deductions for the requested entries. Pure: the caller writes the result. */
export function planAuthorization(input: AuthorizeInput): AuthorizeOutcome {
  const { ledger, clients } = input;
  const byId = indexEntries(input.entries);
  const authorized: AuthorizedEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const before = new Map<string, number>();
  const seen = new Set<string>();
  const confirmed = new Set((input.confirmed ?? []).map((id) => String(id ?? '').trim()));
  const day = dayMemo(input.dayOf);
  const today = day(input.now);
  const requested = input.entryIds.flatMap((id) => byId.get(String(id ?? '').trim()) ?? []);
  const perDay = minutesPerPersonDay(input.entries, requested, day, input.durationEpochMs);

  for (const rawId of input.entryIds) {
    const entryId = String(rawId ?? '').trim();
    if (!entryId) {
      skipped.push(skip('', 'no-entry-id', 'The entry has no Entry ID.'));
      continue;
    }
    if (seen.has(entryId)) continue;
    seen.add(entryId);
    const rows = byId.get(entryId) ?? [];
    if (rows.length === 0) {
      skipped.push(skip(entryId, 'not-found', `No time entry has the Entry ID ${entryId}.`));
      continue;
    }
    if (rows.length > 1) {
      // Each row is skipped and counted: the sheet shows each one, and which is right is not ours to guess.
      const where = rows.map((r) => r.row).join(', ');
      const message = `Entry ID ${entryId} is on rows ${where}. Give each row its own Entry ID (clear the copy's ID and the add-on assigns a new one).`;
      for (const r of rows) skipped.push(skip(entryId, 'duplicate-entry-id', message, r.row));
      continue;
    }
    const entry = rows[0];
    if (ledger.isDeducted(entryId)) {
      skipped.push(skip(entryId, 'already-authorized', `Entry ${entryId} is already authorized.`, entry.row));
      continue;
    }
    const client = clients.get(entry.client);
    if (!client) {
      const name = entry.client ? `"${entry.client}"` : 'no client';
      skipped.push(
        skip(entryId, 'unknown-client', `Entry ${entryId} names ${name}, which is not in Credits. Add the client to Credits or correct the entry.`, entry.row),
      );
      continue;
    }
    const hours = parseHours(entry.hours, input.durationEpochMs);
    if (!hours.ok) {
      skipped.push(skip(entryId, 'bad-hours', `Entry ${entryId} (row ${entry.row}): ${hours.refusal.message}`, entry.row));
      continue;
    }
    const tooLong = entryTooLong(hours.value);
    if (tooLong) {
      skipped.push(skip(entryId, 'too-many-hours', `Entry ${entryId} (row ${entry.row}): ${tooLong}`, entry.row));
      continue;
    }
    const flags = entryFlags(entry, hours.value, today, day, perDay);
    if (flags.length && !confirmed.has(entryId)) {
      skipped.push(needsConfirmation(entry, flags));
      continue;
    }
    const minutes = roundUp(hours.value, client.roundingMinutes ?? input.roundingMinutes);
    if (!before.has(client.name)) before.set(client.name, ledger.balance(client.name));
    ledger.append({
      logId: input.newLogId(),
      at: input.now,
      client: client.name,
      kind: 'Deduction',
      minutes: -minutes,
      entryId,
      description: entry.description,
      by: input.user,
      reference: '',
      rawMinutes: hours.value,
      person: entry.person,
      workDate: entry.date,
    });
    authorized.push({ entryId, row: entry.row, client: client.name, rawMinutes: hours.value, minutes, flags });
  }

  return { authorized, skipped, logRows: [...ledger.appended], balances: balanceChanges(before, ledger, clients) };
}
