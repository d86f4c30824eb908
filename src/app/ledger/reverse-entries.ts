/**
 * Reversing authorized entries: a `Reversal` row per entry and the entry back to Open,
 * so it can be corrected and authorized again. A reason is required, for the client's log.
 */
import { ok, type Result, refuse } from '../../core/result';
import { planReversal } from '../../core/reverse';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';
import { ledgerResult, type LedgerResult } from './results';

export function reverseEntries(services: Services, entryIds: readonly string[], reason: string): Result<LedgerResult> {
  if (!Array.isArray(entryIds)) throw new Error('reverseEntries needs a list of Entry IDs.');
  const why = String(reason ?? '').trim();
  if (!why) return refuse('no-reason', 'Give a reason for the reversal; it appears in the prepaid log the client sees.');
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.changeRefusal();
    if (denied) return { ok: false, refusal: denied };
    const entries = session.entries();
    const outcome = planReversal({
      entryIds,
      reason: why,
      clients: session.credits.clients,
      ledger: session.ledger,
      user: session.user,
      now: session.now,
      newLogId: () => session.newId('L'),
    });
    const result = ledgerResult(services, entries.entries, 'Reversed', { done: outcome.reversed, skipped: outcome.skipped, balances: outcome.balances });
    const after = afterLedgerChange(session, session.commit());
    return ok({ ...result, summary: result.summary + after.summary });
  });
}
