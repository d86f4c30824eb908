/**
 * The JSON-safe results the server API returns to the sidebar and the menu: minutes are
 * exact integers, times are ISO strings, and each result carries one sentence for a toast.
 * Each entry in a result comes with what a person needs to recognise it (date, client,
 * person, description, hours), and its row in `Time entries` shows why it was skipped.
 */
import { countAuthorization, type AuthorizeCounts } from '../../core/authorize-counts';
import { formatHours } from '../../core/quantities';
import type { LedgerBreak } from '../../core/seal';
import type { BalanceChange, EntryFlag, SkippedEntry, TimeEntry } from '../../core/types';
import type { Services } from '../../services/ports';
import { durationEpochMs } from '../../sheets/duration-epoch';
import { entryDetails, type EntryDetails } from '../sidebar';

/** An entry that was deducted or reversed. */
export interface DoneEntry extends EntryDetails {
  entryId: string;
  /** The client the minutes were deducted from or returned to. */
  client: string;
  minutes: number;
  rawMinutes?: number;
  /** What the authorizer confirmed to let it through ("Authorize anyway"). */
  flags?: EntryFlag[];
}

/** An entry left as it was, with a stable code and a sentence saying why. */
export type SkippedItem = Omit<SkippedEntry, 'row'> & EntryDetails;

export interface LedgerResult {
  /** Entries that were deducted or reversed. */
  done: DoneEntry[];
  skipped: SkippedItem[];
  balances: BalanceChange[];
  /** How many went through and were skipped: the same definition as the sidebar's preview. */
  counts: AuthorizeCounts;
  /** One sentence for a toast or the sidebar's status line. */
  summary: string;
  /** Set when nothing was done because the chain does not vouch for a row of the log. */
  ledgerBreak?: LedgerBreak;
}

const NO_DETAILS: EntryDetails = { row: null, date: '', client: '', person: '', description: '', hours: '' };

/**
 * Adds each item's details from the sheet: the item's own row when it names one, else
 * the row holding its Entry ID. An ID no row holds (or a blank one) gets empty details.
 */
export function withDetails<T extends { entryId: string; row?: number }>(
  services: Services,
  entries: readonly TimeEntry[],
  items: readonly T[],
): (Omit<T, 'row'> & EntryDetails)[] {
  const epoch = durationEpochMs(services);
  const byRow = new Map(entries.map((e) => [e.row, e]));
  const byId = new Map<string, TimeEntry>();
  for (const e of entries) if (e.entryId && !byId.has(e.entryId)) byId.set(e.entryId, e);
  return items.map((item) => {
    const entry = item.row === undefined ? byId.get(item.entryId) : byRow.get(item.row);
    const details = entry ? entryDetails(services, entry, epoch) : NO_DETAILS;
    return { ...details, ...item, row: details.row };
  });
}

/**
 * What each row's Reason cell should say after an action: a skipped row its reason, a row
 * that went through (or had already) nothing. Rows the action did not touch are absent.
 */
export function rowReasons(result: Pick<LedgerResult, 'done' | 'skipped'>): Map<number, string> {
  const reasons = new Map<number, string>();
  for (const s of result.skipped) if (s.row !== null) reasons.set(s.row, s.code === 'already-authorized' ? '' : s.message);
  for (const d of result.done) if (d.row !== null) reasons.set(d.row, '');
  return reasons;
}

/** The counts of a result: deducted (or reversed) entries and skipped ones, one per row. */
export function resultCounts(result: Pick<LedgerResult, 'done' | 'skipped'>): AuthorizeCounts {
  return countAuthorization({ authorized: result.done, skipped: result.skipped });
}

export function summarize(verb: string, result: Omit<LedgerResult, 'summary' | 'counts'>): string {
  const counts = resultCounts(result);
  const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  let text = `${verb} ${entries(counts.authorized)}`;
  if (counts.skipped) {
    const toConfirm = counts.toConfirm ? ` (${counts.toConfirm} to confirm with Authorize anyway)` : '';
    text += `, skipped ${counts.skipped}${toConfirm}`;
  }
  if (counts.alreadyAuthorized) text += `; ${entries(counts.alreadyAuthorized)} ${counts.alreadyAuthorized === 1 ? 'was' : 'were'} already authorized`;
  const warnings = result.balances
    .filter((b) => b.negative || b.belowMinimum)
    .map(
      (b) => `${b.client} is at ${formatHours(b.afterMinutes)} h${b.negative ? ' (below zero)' : ` (below its minimum of ${formatHours(b.minimumMinutes)} h)`}`,
    );
  return `${text}.${warnings.length ? ` ${warnings.join('; ')}.` : ''}`;
}

/** The result of an action over entries: each with its details, the counts, and the sentence. */
export function ledgerResult(
  services: Services,
  entries: readonly TimeEntry[],
  verb: string,
  outcome: { done: readonly (Omit<DoneEntry, keyof EntryDetails> & { row?: number })[]; skipped: readonly SkippedEntry[]; balances: BalanceChange[] },
): LedgerResult {
  const done = withDetails(services, entries, outcome.done);
  const skipped = withDetails(services, entries, outcome.skipped);
  const result = { done, skipped, balances: outcome.balances };
  return { ...result, counts: resultCounts(result), summary: summarize(verb, result) };
}
