/**
 * Reversal undoes one deduction: it writes a `Reversal` row for the minutes that were
 * deducted (not the entry's current hours, which may have been edited since) and returns
 * the entry to Open so it can be corrected and authorized again. The log keeps both rows.
 */
import { balanceChanges } from './authorize';
import type { Ledger } from './ledger';
import type { BalanceChange, Client, LogRow, SkippedEntry } from './types';

export interface ReverseInput {
  entryIds: readonly string[];
  reason: string;
  clients: ReadonlyMap<string, Client>;
  ledger: Ledger;
  user: string;
  now: number;
  newLogId: () => string;
}

export interface ReverseOutcome {
  reversed: { entryId: string; client: string; minutes: number }[];
  skipped: SkippedEntry[];
  logRows: LogRow[];
  balances: BalanceChange[];
}

export function planReversal(input: ReverseInput): ReverseOutcome {
  const { ledger } = input;
  const reversed: ReverseOutcome['reversed'] = [];
  const skipped: SkippedEntry[] = [];
  const before = new Map<string, number>();
  for (const rawId of new Set(input.entryIds.map((id) => String(id ?? '').trim()))) {
    if (!rawId) {
      skipped.push({ entryId: '', code: 'no-entry-id', message: 'The entry has no Entry ID.' });
      continue;
    }
    const deduction = ledger.deductionOf(rawId);
    if (!deduction) {
      skipped.push({ entryId: rawId, code: 'not-authorized', message: `Entry ${rawId} is not authorized, so there is nothing to reverse.` });
      continue;
    }
    // Its balance could not be written: the client's row in Credits is gone, renamed or listed twice.
    if (!input.clients.has(deduction.client)) {
      skipped.push({
        entryId: rawId,
        code: 'unknown-client',
        message: `Entry ${rawId} was deducted from "${deduction.client}", which is not in Credits exactly once (renamed, deleted or listed twice). Keep one row for the client in Credits, then reverse it.`,
      });
      continue;
    }
    if (!before.has(deduction.client)) before.set(deduction.client, ledger.balance(deduction.client));
    ledger.append({
      logId: input.newLogId(),
      at: input.now,
      client: deduction.client,
      kind: 'Reversal',
      minutes: -deduction.minutes,
      entryId: rawId,
      description: input.reason,
      by: input.user,
      reference: deduction.logId,
      rawMinutes: deduction.rawMinutes,
      person: deduction.person,
      workDate: deduction.workDate,
    });
    reversed.push({ entryId: rawId, client: deduction.client, minutes: -deduction.minutes });
  }
  return { reversed, skipped, logRows: [...ledger.appended], balances: balanceChanges(before, ledger, input.clients) };
}
