/**
 * The ledger check in the Settings panel: `checkLedger` audits every balance against
 * the log and the log's checksum chain, and the result shows here, each problem in the
 * server's words (as text). It changes nothing, so everyone may run it.
 */
import { byId, h } from './dom';
import { act, say } from './feedback';
import { count } from './format';
import { call } from './server';

/** Past this many, the list ends with how many more there are; the first problem is what to fix first. */
const SHOWN = 20;

async function check(): Promise<void> {
  const area = byId('ledger-result');
  const report = await act(byId<HTMLButtonElement>('check-ledger'), area, () => call('checkLedger'));
  if (!report) return;
  if (report.ok) return say(area, 'success', report.summary);
  const more = report.problems.length - SHOWN;
  say(area, 'error', `The ledger has ${count(report.problems.length, 'problem', 'problems')}:`, [
    ...report.problems.slice(0, SHOWN).map((p) => p.message),
    ...(more > 0 ? [h('i', {}, `and ${count(more, 'more problem', 'more problems')}`)] : []),
  ]);
}

export function initLedgerCheck(): void {
  byId('check-ledger').addEventListener('click', () => void check());
}
