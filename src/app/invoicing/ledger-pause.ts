/**
 * Invoicing when the chain does not vouch for a row of the log: the run writes nothing to
 * the ledger, records why in its last-run status (the sidebar shows it), and, when the
 * hourly trigger met it, emails the trigger's owner once per problem. The problem's key
 * is kept in the document properties, so the next hours stay quiet until the problem
 * changes or is resolved; a run that finds the chain whole forgets it.
 */
import type { LedgerBreak } from '../../core/seal';
import { forgetLedgerAlert as forgetAlert, loadLedgerAlert, storeLedgerAlert } from '../../services/ledger-alert.store';
import type { Services } from '../../services/ports';
import { type InvoicingRun, recordRun } from './invoicing-run';
import type { LedgerSession } from '../ledger';

function keyOf(brk: LedgerBreak): string {
  return JSON.stringify([brk.ref, brk.kind, brk.sheetRow, brk.changes]);
}

/** Emails the trigger's owner about `brk` unless this very problem was already reported; returns a sentence for the run. */
function alertOwner(services: Services, brk: LedgerBreak): string {
  const properties = services.documentProperties();
  const key = keyOf(brk);
  if (loadLedgerAlert(properties) === key) return ' The trigger’s owner was already emailed about it.';
  const to = services.userEmail();
  if (!to) return '';
  if (services.mailer.remainingDailyQuota() < 1) return ' The email to the trigger’s owner waits for the daily email quota.';
  const name = services.spreadsheet.getName();
  services.mailer.send({
    to,
    subject: `Prepaid Time paused in "${name}": the prepaid log was changed by hand`,
    body: `Hello,\n\nThe hourly invoicing of "${name}" is paused and no ledger action will run until an authorizer resolves this:\n\n${brk.message}\n\nOpen the spreadsheet (${services.spreadsheet.getUrl()}), then Extensions > Prepaid Time > Open sidebar.\n\nYou get this email once per problem.`,
    name: 'Prepaid Time',
  });
  storeLedgerAlert(properties, key);
  return ` ${to} was emailed.`;
}

/** The run that met a broken chain: nothing invoiced, the problem recorded (and emailed once, from the trigger). */
export function pausedRun(session: LedgerSession, brk: LedgerBreak, fromTrigger: boolean): InvoicingRun {
  const emailed = fromTrigger ? alertOwner(session.services, brk) : '';
  const run: InvoicingRun = {
    at: new Date(session.now).toISOString(),
    by: session.user,
    created: [],
    finished: [],
    left: [],
    problems: [{ client: brk.client, code: 'ledger-broken', message: brk.message }],
    alreadyInvoiced: [],
    summary: `Invoicing is paused: ${brk.message}${emailed}`,
  };
  recordRun(session.services, run);
  return run;
}

/** Forgets a reported problem once the chain is whole again, so a new one is emailed. */
export function forgetLedgerAlert(services: Services): void {
  forgetAlert(services.documentProperties());
}
