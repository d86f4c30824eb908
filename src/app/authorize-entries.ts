/**
 * The authorize use cases: by Entry IDs (the sidebar), by ticked `Select` boxes, or by
 * the rows selected in the sheet. All three read under the document lock, repair any
 * statuses a stopped run left behind, and deduct each entry at most once. A flagged entry
 * (over 12 h, a day over 24 h, dated after today) goes through only when the caller lists
 * it in `confirmed`; the menu's actions confirm nothing. Each skipped row's Reason cell
 * says why, and is cleared when the entry goes through.
 */
import { planAuthorization } from '../core/authorize';
import type { LedgerBreak } from '../core/seal';
import type { SkippedEntry } from '../core/types';
import { dayOf } from '../services/calendar-day';
import { withDocumentLock } from '../services/document-lock';
import type { Services } from '../services/services';
import { durationEpochMs } from '../sheets/duration-epoch';
import { TIME_ENTRIES } from '../sheets/schema';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';
import { ledgerResult, resultCounts, rowReasons, type LedgerResult } from './results';

type Picker = (session: LedgerSession) => string[];

/** How to authorize: the Entry IDs whose flags the authorizer confirmed ("Authorize anyway"). */
export interface AuthorizeOptions {
  confirmed?: string[];
}

function notAllowed(session: LedgerSession, ids: string[], message: string): LedgerResult {
  const skipped: SkippedEntry[] = ids.map((entryId) => ({ entryId, code: 'not-allowed', message }));
  const result = ledgerResult(session.services, session.entries().entries, 'Authorized', { done: [], skipped, balances: [] });
  return { ...result, summary: `Nothing was authorized. ${message}` };
}

/** The refusal when the chain does not vouch for a row: it reads no entries, so it writes nothing (not even Entry IDs). */
function ledgerBroken(ids: readonly string[], broken: LedgerBreak): LedgerResult {
  const skipped = ids.map((entryId) => ({
    entryId,
    code: 'ledger-broken' as const,
    message: broken.message,
    row: null,
    date: '',
    client: '',
    person: '',
    description: '',
    hours: '',
  }));
  const result = { done: [], skipped, balances: [] };
  return { ...result, counts: resultCounts(result), summary: `Nothing was authorized. ${broken.message}`, ledgerBreak: broken };
}

function confirmedIds(options: AuthorizeOptions | null | undefined): string[] {
  const confirmed = options?.confirmed ?? [];
  if (!Array.isArray(confirmed)) throw new Error('authorizeEntries: "confirmed" must be a list of Entry IDs.');
  return confirmed.map((id) => String(id ?? ''));
}

/**
 * `confirmed`: the flagged Entry IDs the authorizer let through. `listed`: the Entry IDs
 * when the caller names them, so a refusal can list them without reading the sheet.
 */
function authorize(
  services: Services,
  pick: Picker,
  untickAfter: boolean,
  { confirmed = [], listed = [] }: { confirmed?: string[]; listed?: readonly string[] } = {},
): LedgerResult {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    // Checked before anything is written (Entry IDs included): nothing is built on a row the chain does not vouch for.
    const broken = session.isAuthorizer() ? session.ledgerBreak() : null;
    if (broken) return ledgerBroken(listed, broken.break);
    const entries = session.entries();
    const ids = pick(session);
    try {
      session.requireAuthorizer();
    } catch (error) {
      return notAllowed(session, ids, (error as Error).message);
    }
    const outcome = planAuthorization({
      entryIds: ids,
      entries: entries.entries,
      clients: session.credits.clients,
      ledger: session.ledger,
      roundingMinutes: session.settings.roundingMinutes,
      user: session.user,
      now: session.now,
      durationEpochMs: durationEpochMs(services),
      newLogId: () => session.newId('L'),
      dayOf: (time) => dayOf(services, time),
      confirmed,
    });
    const untick = new Set(
      untickAfter ? [...outcome.authorized.map((a) => a.entryId), ...outcome.skipped.filter((s) => s.code === 'already-authorized').map((s) => s.entryId)] : [],
    );
    const result = ledgerResult(services, entries.entries, 'Authorized', { done: outcome.authorized, skipped: outcome.skipped, balances: outcome.balances });
    const after = afterLedgerChange(session, session.commit(untick, rowReasons(result)));
    return { ...result, summary: result.summary + after.summary };
  });
}

/**
 * Authorizes the entries with these Entry IDs. Flagged entries go through only when
 * listed in `options.confirmed`; the others come back skipped with their flags.
 */
export function authorizeEntries(services: Services, entryIds: readonly string[], options?: AuthorizeOptions | null): LedgerResult {
  if (!Array.isArray(entryIds)) throw new Error('authorizeEntries needs a list of Entry IDs.');
  const ids = entryIds.map((id) => String(id ?? ''));
  return authorize(services, () => ids, false, { confirmed: confirmedIds(options), listed: ids });
}

/** Authorizes the open entries whose Select box is ticked, and clears the boxes that went through. */
export function authorizeTicked(services: Services): LedgerResult {
  return authorize(
    services,
    (session) =>
      session
        .entries()
        .entries.filter((e) => e.selected)
        .map((e) => e.entryId),
    true,
  );
}

/** The sheet rows selected in `Time entries`, or an error saying where to select. */
export function selectedRows(services: Services): number[] {
  const ranges = services.spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const onEntries = ranges.filter((r) => r.getSheet().getName() === TIME_ENTRIES.name);
  if (onEntries.length === 0) throw new Error(`Select one or more rows in the "${TIME_ENTRIES.name}" sheet first, then choose Authorize selection.`);
  const rows = new Set<number>();
  for (const range of onEntries) {
    for (let r = range.getRow(); r < range.getRow() + range.getNumRows(); r++) if (r > 1) rows.add(r);
  }
  return [...rows];
}

/** Authorizes the entries on the rows selected in the sheet. */
export function authorizeSelection(services: Services): LedgerResult {
  const rows = new Set(selectedRows(services));
  return authorize(
    services,
    (session) =>
      session
        .entries()
        .entries.filter((e) => rows.has(e.row))
        .map((e) => e.entryId),
    false,
  );
}
