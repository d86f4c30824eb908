/**
 * Resolving a hand edit of the prepaid log, which pauses every ledger action until an
 * authorizer decides: `restoreLedgerRow` puts the row back as the add-on sealed it (a row
 * added by hand is removed, a removed one put back, a moved one returned to its place),
 * and `acceptLedgerEdit` accepts the log as it now stands, with a reason, re-sealing the
 * chain and recording a zero-minute `Re-seal` row per client whose balance moved. Both
 * name the row they resolve, so a stale sidebar cannot resolve a different one; both
 * rewrite the log in one block, then derive statuses and balances from it. Run again
 * after a stop, they find the chain whole and only finish deriving.
 */
import { formatHours } from '../../core/quantities';
import { ok, type Result, refuse } from '../../core/result';
import { balancesOf, planAcceptance, type LedgerBreak } from '../../core/seal';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { type FoundBreak, LedgerSession } from './ledger-session';

export interface LedgerEditResult {
  /** The next break, when the log has another hand edit; null when the chain vouches for every row. */
  ledgerBreak: LedgerBreak | null;
  /** Log IDs of the Re-seal rows written (accepting only). */
  resealRows: string[];
  balances: { client: string; beforeMinutes: number; afterMinutes: number }[];
  summary: string;
}

/** For an authorizer, the break the named row resolves (null when the chain is whole); or why not. */
function pending(session: LedgerSession, ref: unknown): Result<FoundBreak | null> {
  const denied = session.refusal();
  if (denied) return { ok: false, refusal: denied };
  const name = String(ref ?? '').trim();
  if (!name) return refuse('no-row', 'Name the log row to resolve: its Log ID, as the Ledger notice shows it.');
  const found = session.ledgerBreak();
  if (found && found.break.ref !== name) {
    return refuse('stale-row', `Log row ${name} is not the row the ledger is waiting on. ${found.break.message} Reload the sidebar and try again.`);
  }
  return ok(found);
}

function outcome(session: LedgerSession, before: Map<string, number>, resealRows: string[], done: string): LedgerEditResult {
  const after = balancesOf(session.log.rows);
  const balances = [...new Set([...before.keys(), ...after.keys()])]
    .map((client) => ({ client, beforeMinutes: before.get(client) ?? 0, afterMinutes: after.get(client) ?? 0 }))
    .filter((b) => b.beforeMinutes !== b.afterMinutes);
  const moved = balances.map((b) => `${b.client} ${formatHours(b.beforeMinutes)} h → ${formatHours(b.afterMinutes)} h`).join(', ');
  const next = session.ledgerBreak();
  const rest = next ? ` The log has another hand edit: ${next.break.message}` : ' The chain vouches for every row again; ledger actions resume.';
  return { ledgerBreak: next?.break ?? null, resealRows, balances, summary: `${done}${moved ? ` Balances: ${moved}.` : ''}${rest}` };
}

/** When a stopped call already rewrote the log: finish deriving statuses and balances. */
function nothingPending(session: LedgerSession, what: string): LedgerEditResult {
  session.commit();
  return { ledgerBreak: null, resealRows: [], balances: [], summary: `The chain vouches for every row of the log; there is nothing to ${what}.` };
}

/** Puts the named row back as it was sealed (authorizers only). */
export function restoreLedgerRow(services: Services, ref: string): Result<LedgerEditResult> {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const named = pending(session, ref);
    if (!named.ok) return named;
    const found = named.value;
    if (!found) return ok(nothingPending(session, 'restore'));
    if (!found.restored) return refuse('cannot-restore', found.break.message);
    const before = balancesOf(session.log.rows);
    session.replaceLog(found.restored);
    const verb = { edited: 'Restored', inserted: 'Removed the row added by hand,', removed: 'Put back', moved: 'Moved back', unknown: 'Restored' }[
      found.break.kind
    ];
    return ok(outcome(session, before, [], `${verb} log row ${found.break.ref} as it was sealed.`));
  });
}

/** Accepts the log as it now stands from the named row on, with a reason (authorizers only). */
export function acceptLedgerEdit(services: Services, ref: string, reason: string): Result<LedgerEditResult> {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    // Permission first: someone who may not accept is not asked for a reason.
    const denied = session.refusal();
    if (denied) return { ok: false, refusal: denied };
    const why = String(reason ?? '').trim();
    if (!why) return refuse('no-reason', 'Give a reason for accepting the edit; it is recorded in the Re-seal row of the prepaid log.');
    const named = pending(session, ref);
    if (!named.ok) return named;
    const found = named.value;
    if (!found) return ok(nothingPending(session, 'accept'));
    const recorded = [...session.credits.recordedBalances].map(([client, minutes]): [string, number] => [client, minutes ?? 0]);
    const before = found.restored ? balancesOf(found.restored) : new Map(recorded);
    const plan = planAcceptance({
      log: session.log.rows,
      index: found.index,
      diagnosis: found,
      reason: why,
      user: session.user,
      now: session.now,
      newLogId: () => session.newId('L'),
      knownClients: new Set(session.credits.clients.keys()),
      recordedBalances: session.credits.recordedBalances,
    });
    if (!plan.ok) return plan;
    session.replaceLog(plan.value.log);
    const ids = plan.value.resealRows.map((r) => r.logId);
    return ok(outcome(session, before, ids, `Accepted log row ${found.break.ref} as it now stands and re-sealed the log (${ids.join(', ')}).`));
  });
}
