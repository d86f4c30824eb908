/**
 * The JSON-safe results the server API returns to the sidebar and the menu: minutes are
 * exact integers, times are ISO strings, and each result carries one sentence for a toast.
 */
import { formatHours } from '../core/quantities';
import type { LedgerBreak } from '../core/seal';
import type { BalanceChange, SkippedEntry } from '../core/types';

export interface LedgerResult {
  /** Entries that were deducted or reversed. */
  done: { entryId: string; client: string; minutes: number; rawMinutes?: number }[];
  skipped: SkippedEntry[];
  balances: BalanceChange[];
  /** One sentence for a toast or the sidebar's status line. */
  summary: string;
  /** Set when nothing was done because the chain does not vouch for a row of the log. */
  ledgerBreak?: LedgerBreak;
}

export function summarize(verb: string, result: Omit<LedgerResult, 'summary'>): string {
  const parts = [`${verb} ${result.done.length} ${result.done.length === 1 ? 'entry' : 'entries'}`];
  if (result.skipped.length) parts.push(`skipped ${result.skipped.length}`);
  const warnings = result.balances
    .filter((b) => b.negative || b.belowMinimum)
    .map(
      (b) => `${b.client} is at ${formatHours(b.afterMinutes)} h${b.negative ? ' (below zero)' : ` (below its minimum of ${formatHours(b.minimumMinutes)} h)`}`,
    );
  return `${parts.join(', ')}.${warnings.length ? ' ' + warnings.join('; ') + '.' : ''}`;
}
