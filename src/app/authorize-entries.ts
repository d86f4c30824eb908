/**
 * The authorize use cases: by Entry IDs (the sidebar), by ticked `Select` boxes, or by
 * the rows selected in the sheet. All three read under the document lock, repair any
 * statuses a stopped run left behind, and deduct each entry at most once.
 */
import { planAuthorization } from '../core/authorize';
import type { SkippedEntry } from '../core/types';
import { withDocumentLock } from '../services/document-lock';
import type { Services } from '../services/services';
import { durationEpochMs } from '../sheets/duration-epoch';
import { TIME_ENTRIES } from '../sheets/schema';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';
import { summarize, type LedgerResult } from './results';

type Picker = (session: LedgerSession) => string[];

function notAllowed(ids: readonly string[], message: string, code: 'not-allowed' | 'ledger-broken' = 'not-allowed'): LedgerResult {
  const skipped: SkippedEntry[] = ids.map((entryId) => ({ entryId, code, message }));
  return { done: [], skipped, balances: [], summary: `Nothing was authorized. ${message}` };
}

/** `listed`: the Entry IDs when the caller names them, so a refusal can list them without reading the sheet. */
function authorize(services: Services, pick: Picker, untickAfter: boolean, listed: readonly string[] = []): LedgerResult {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    // Checked before anything is written (Entry IDs included): nothing is built on a row the chain does not vouch for.
    const broken = session.isAuthorizer() ? session.ledgerBreak() : null;
    if (broken) return { ...notAllowed(listed, broken.break.message, 'ledger-broken'), ledgerBreak: broken.break };
    const entries = session.entries();
    const ids = pick(session);
    try {
      session.requireAuthorizer();
    } catch (error) {
      return notAllowed(ids, (error as Error).message);
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
    });
    const untick = new Set(
      untickAfter ? [...outcome.authorized.map((a) => a.entryId), ...outcome.skipped.filter((s) => s.code === 'already-authorized').map((s) => s.entryId)] : [],
    );
    const after = afterLedgerChange(session, session.commit(untick));
    const result = { done: outcome.authorized, skipped: outcome.skipped, balances: outcome.balances };
    return { ...result, summary: summarize('Authorized', result) + after.summary };
  });
}

/** Authorizes the entries with these Entry IDs. */
export function authorizeEntries(services: Services, entryIds: readonly string[]): LedgerResult {
  if (!Array.isArray(entryIds)) throw new Error('authorizeEntries needs a list of Entry IDs.');
  const ids = entryIds.map((id) => String(id ?? ''));
  return authorize(services, () => ids, false, ids);
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
