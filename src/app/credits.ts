/**
 * Top-ups and adjustments: the two ways an authorizer changes a balance by hand. Each is
 * one log row; an adjustment needs a reason because the client will read it.
 */
import { formatHours, parseHours, parseSignedHours } from '../core/quantities';
import type { BalanceChange, LogKind } from '../core/types';
import { withDocumentLock } from '../services/document-lock';
import type { Services } from '../services/services';
import { afterLedgerChange } from './after-ledger-change';
import { LedgerSession } from './ledger-session';

export interface CreditResult {
  logId: string;
  client: string;
  minutes: number;
  balance: BalanceChange;
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

function post(services: Services, clientName: string, kind: LogKind, minutes: number, text: string, requestId: unknown): CreditResult {
  return withDocumentLock(services, () => {
    const session = new LedgerSession(services);
    session.requireAuthorizer();
    session.requireIntactLedger();
    const found = session.credits.find(clientName);
    if (!found.ok) throw new Error(found.reason);
    const client = found.client;
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
    const beforeMinutes = afterMinutes - row.minutes;
    const balance: BalanceChange = {
      client: client.name,
      beforeMinutes,
      afterMinutes,
      minimumMinutes: client.minimumMinutes,
      belowMinimum: afterMinutes < client.minimumMinutes,
      negative: afterMinutes < 0,
    };
    const sign = minutes > 0 ? '+' : '';
    return {
      logId: row.logId,
      client: client.name,
      minutes,
      balance,
      summary: `${kind} of ${sign}${formatHours(minutes)} h for ${client.name}: balance ${formatHours(afterMinutes)} h.${after.summary}`,
    };
  });
}

/** Adds prepaid hours to a client's balance (a `Top-up`). */
export function addCredits(services: Services, client: string, hours: unknown, note: string, requestId?: string): CreditResult {
  const parsed = parseHours(hours);
  if (!parsed.ok) throw new Error(parsed.reason);
  if (parsed.value === 0) throw new Error('Add more than 0 hours.');
  return post(services, client, 'Top-up', parsed.value, String(note ?? '').trim(), requestId);
}

/** Corrects a client's balance up or down (an `Adjustment`), with a reason. */
export function adjustCredits(services: Services, client: string, hours: unknown, reason: string, requestId?: string): CreditResult {
  const parsed = parseSignedHours(hours);
  if (!parsed.ok) throw new Error(parsed.reason);
  const why = String(reason ?? '').trim();
  if (!why) throw new Error('Give a reason for the adjustment; it appears in the prepaid log the client sees.');
  return post(services, client, 'Adjustment', parsed.value, why, requestId);
}
