/**
 * Top-ups and adjustments: the two ways an authorizer changes a balance by hand. Each is
 * one log row; an adjustment needs a reason because the client will read it. A value a
 * person can correct (the client, the hours, the reason) comes back as a message for
 * that field, as `logTime` does, so the sidebar shows it under the
 * field; a caller that is not an authorizer is refused (`not-authorizer`).
 */
import { balanceChanges } from '../../core/authorize';
import { formatHours, type Parsed, parseHours, parseSignedHours } from '../../core/quantities';
import { ok, type Result, refuse } from '../../core/result';
import type { BalanceChange, LogKind } from '../../core/types';
import { withDocumentLock } from '../../services/document-lock';
import type { Services } from '../../services/ports';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';

export interface CreditResult {
  ok: true;
  logId: string;
  client: string;
  minutes: number;
  balance: BalanceChange;
  summary: string;
}

export type CreditField = 'client' | 'hours' | 'reason';

/** A refused change: a message per field; nothing was written. */
export interface CreditRefused {
  ok: false;
  errors: Partial<Record<CreditField, string>>;
  summary: string;
}

/**
 * The Log ID for a request: a caller that sends a request ID (the sidebar sends one per
 * form submission) gets the same Log ID on a retry, so a double click or a re-run after
 * a stopped script records the change once.
 */
function requestLogId(requestId: unknown): string | null {
  const clean = String(requestId ?? '')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 40);
  return clean ? `L-R${clean}` : null;
}

/** What a change needs: its minutes (or why the hours are refused) and its text (or why it is refused). */
interface Change {
  kind: LogKind;
  minutes: Parsed<number>;
  text: string;
  textError?: string;
}

function post(services: Services, clientName: string, change: Change, requestId: unknown): Result<CreditResult | CreditRefused> {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    const denied = session.changeRefusal();
    if (denied) return { ok: false, refusal: denied };
    const errors: CreditRefused['errors'] = {};
    const found = String(clientName ?? '').trim() ? session.credits.find(clientName) : refuse('no-client', 'Choose a client.');
    if (!found.ok) errors.client = found.refusal.message;
    if (!change.minutes.ok) errors.hours = change.minutes.refusal.message;
    if (change.textError) errors.reason = change.textError;
    if (!found.ok || !change.minutes.ok || change.textError) {
      return ok({ ok: false, errors, summary: `Nothing was changed: ${Object.values(errors).join(' ')}` });
    }
    const { kind, text } = change;
    const minutes = change.minutes.value;
    const client = found.value;
    const logId = requestLogId(requestId);
    const earlier = logId ? session.log.rows.find((r) => r.logId === logId) : undefined;
    const row =
      earlier ??
      session.append(
        { client: client.name, kind, minutes, entryId: '', description: text, reference: '', rawMinutes: null, person: '', workDate: null },
        logId ?? undefined,
      );
    const after = afterLedgerChange(session, session.commit());
    const afterMinutes = session.ledger.balance(client.name);
    const [balance] = balanceChanges(new Map([[client.name, afterMinutes - row.minutes]]), session.ledger, session.credits.clients);
    const sign = minutes > 0 ? '+' : '';
    return ok({
      ok: true,
      logId: row.logId,
      client: client.name,
      minutes,
      balance,
      summary: `${kind} of ${sign}${formatHours(minutes)} h for ${client.name}: balance ${formatHours(afterMinutes)} h.${after.summary}`,
    });
  });
}

/** Adds prepaid hours to a client's balance (a `Top-up`). */
export function addCredits(services: Services, client: string, hours: unknown, note: string, requestId?: string): Result<CreditResult | CreditRefused> {
  const parsed = parseHours(hours);
  const minutes = parsed.ok && parsed.value === 0 ? refuse('bad-hours', 'Add more than 0 hours.') : parsed;
  return post(services, client, { kind: 'Top-up', minutes, text: String(note ?? '').trim() }, requestId);
}

/** Corrects a client's balance up or down (an `Adjustment`), with a reason. */
export function adjustCredits(services: Services, client: string, hours: unknown, reason: string, requestId?: string): Result<CreditResult | CreditRefused> {
  const why = String(reason ?? '').trim();
  const textError = why ? undefined : 'Give a reason for the adjustment; it appears in the prepaid log the client sees.';
  return post(services, client, { kind: 'Adjustment', minutes: parseSignedHours(hours), text: why, textError }, requestId);
}
