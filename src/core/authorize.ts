/**
 * Authorization turns open time entries into deductions. Each requested entry is either
 * authorized or skipped with a reason; valid entries go through even when others are
 * skipped. Rounding is applied here, once, and the log keeps raw and rounded minutes.
 * A balance may go below zero, because the work was done: the outcome flags it.
 */
import type { Ledger } from './ledger';
import { parseHours } from './quantities';
import { roundUp, type RoundingMinutes } from './rounding';
import type { BalanceChange, Client, LogRow, SkippedEntry, TimeEntry } from './types';

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
}

export interface AuthorizedEntry {
  entryId: string;
  client: string;
  rawMinutes: number;
  minutes: number;
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

function skip(entryId: string, code: SkippedEntry['code'], message: string): SkippedEntry {
  return { entryId, code, message };
}

/** Plans the deductions for the requested entries. Pure: the caller writes the result. */
export function planAuthorization(input: AuthorizeInput): AuthorizeOutcome {
  const { ledger, clients } = input;
  const byId = indexEntries(input.entries);
  const authorized: AuthorizedEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const before = new Map<string, number>();
  const seen = new Set<string>();

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
      const where = rows.map((r) => r.row).join(', ');
      skipped.push(
        skip(
          entryId,
          'duplicate-entry-id',
          `Entry ID ${entryId} is on rows ${where}. Give each row its own Entry ID (clear the copy's ID and the add-on assigns a new one).`,
        ),
      );
      continue;
    }
    const entry = rows[0];
    if (ledger.isDeducted(entryId)) {
      skipped.push(skip(entryId, 'already-authorized', `Entry ${entryId} is already authorized.`));
      continue;
    }
    const client = clients.get(entry.client);
    if (!client) {
      const name = entry.client ? `"${entry.client}"` : 'no client';
      skipped.push(skip(entryId, 'unknown-client', `Entry ${entryId} names ${name}, which is not in Credits. Add the client to Credits or correct the entry.`));
      continue;
    }
    const hours = parseHours(entry.hours, input.durationEpochMs);
    if (!hours.ok) {
      skipped.push(skip(entryId, 'bad-hours', `Entry ${entryId} (row ${entry.row}): ${hours.refusal.message}`));
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
    authorized.push({ entryId, client: client.name, rawMinutes: hours.value, minutes });
  }

  return { authorized, skipped, logRows: [...ledger.appended], balances: balanceChanges(before, ledger, clients) };
}
