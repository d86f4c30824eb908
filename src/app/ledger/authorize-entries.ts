/**
 * The authorize use cases: by Entry IDs (the sidebar), by ticked `Select` boxes, or by
 * the rows selected in the sheet. All three read under the document lock, repair any
 * statuses a stopped run left behind, and deduct each entry at most once.
 */
import { planAuthorization } from '../../core/authorize';
import { ok, type Result } from '../../core/result';
import type { SkippedEntry, TimeEntry } from '../../core/types';
import { dayOf } from '../../services/calendar-day';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { durationEpochMs } from '../../sheets/duration-epoch';
import { selectedRows } from '../../sheets/selection';
import { TimeEntriesRepository } from '../../sheets/time-entries.repository';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';
import { ledgerResult, rowReasons, type LedgerResult } from './results';

/** The Entry IDs to authorize, picked from `Time entries`. */
type Picker = (entries: TimeEntriesRepository) => string[];

/** How to authorize: the Entry IDs whose flags the authorizer confirmed ("Authorize anyway"). */
export interface AuthorizeOptions {
  confirmed?: string[];
}

function notAllowed(
  services: Services,
  entries: readonly TimeEntry[],
  ids: readonly string[],
  message: string,
  code: 'not-allowed' | 'ledger-broken' = 'not-allowed',
): LedgerResult {
  const skipped: SkippedEntry[] = ids.filter(Boolean).map((entryId) => ({ entryId, code, message }));
  const result = ledgerResult(services, entries, 'Authorized', { done: [], skipped, balances: [] });
  return { ...result, summary: `Nothing was authorized. ${message}` };
}

function confirmedIds(options: AuthorizeOptions | null | undefined): string[] {
  const confirmed = options?.confirmed ?? [];
  if (!Array.isArray(confirmed)) throw new Error('authorizeEntries: "confirmed" must be a list of Entry IDs.');
  return confirmed.map((id) => String(id ?? ''));
}

/** `listed`: the Entry IDs when the caller names them, so a refusal can list them without reading the sheet. */
function authorize(services: Services, pick: Picker, untickAfter: boolean, confirmed: string[] = [], listed: readonly string[] = []): LedgerResult {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    // Checked before anything is written: a refused call assigns no Entry IDs either.
    const denied = session.refusal();
    if (denied) {
      const readOnly = TimeEntriesRepository.read(services.spreadsheet);
      return notAllowed(services, readOnly.entries, pick(readOnly), denied.message);
    }
    // Nor is anything built on a row the chain does not vouch for.
    const broken = session.ledgerBreak();
    // It reads no entries, so it writes nothing (not even Entry IDs); the items carry empty details.
    if (broken) return { ...notAllowed(services, [], listed, broken.break.message, 'ledger-broken'), ledgerBreak: broken.break };
    const entries = session.entries();
    const ids = pick(entries);
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
  return authorize(services, () => ids, false, confirmedIds(options), ids);
}

/** Authorizes the open entries whose Select box is ticked, and clears the boxes that went through. */
export function authorizeTicked(services: Services): LedgerResult {
  return authorize(services, (entries) => entries.entries.filter((e) => e.selected).map((e) => e.entryId), true);
}

/** Authorizes the entries on the rows selected in the sheet. */
export function authorizeSelection(services: Services): Result<LedgerResult> {
  const selected = selectedRows(services.spreadsheet);
  if (!selected.ok) return selected;
  const rows = new Set(selected.value);
  return ok(authorize(services, (entries) => entries.entries.filter((e) => rows.has(e.row)).map((e) => e.entryId), false));
}
