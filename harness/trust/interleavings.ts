/**
 * §2 Concurrency. Two users and the hourly trigger at once: while one operation runs, a
 * second user's call (and the trigger) starts at each of its write boundaries, as a
 * separate execution that honours LockService (it cannot take the document lock the
 * first one holds). A caller who cannot get the lock must be told "busy, try again" and
 * write nothing; then they try again. Every interleaving must end with each entry
 * deducted at most once, each crossing invoiced at most once, a consistent ledger, and
 * the same workbook as the calls run one after the other. A second family holds the lock
 * in another execution and calls every server function, so none can write without it.
 */
import type { Addon } from '../addon';
import { describeError, failed, unreadableError, verdict, type CaseResult } from './cases';
import { fireTrigger } from './operations';
import { matrixWorkbook } from './permission-matrix';
import { SERVER_FUNCTIONS, type ServerFunction } from './server-functions';
import type { TrustSize } from './size';
import { BASE, invoicedWorkbook, OWNER, SECOND, trustWorkbook } from './trust-workbook';
import { invariantBreaks, stateDifferences, workbookState } from './workbook-state';

/** One of the people (or the trigger) acting at once. */
export interface Party {
  name: string;
  act(addon: Addon): unknown;
}

export interface Interleaving {
  name: string;
  prepare(): Addon;
  /** The party that holds the lock first. */
  first: Party;
  /** Who arrives at each of its write boundaries. */
  others: Party[];
}

const authorize = (user: string, ids: string[]): Party => ({ name: `${user} authorizes ${ids.join(',')}`, act: (a) => a.as(user).authorizeEntries(ids) });
const trigger: Party = { name: 'the hourly trigger', act: fireTrigger };
const pay = (user: string, invoiceNo: string): Party => ({ name: `${user} marks ${invoiceNo} paid`, act: (a) => a.as(user).markInvoicePaid(invoiceNo) });
const reverse = (user: string, ids: string[]): Party => ({
  name: `${user} reverses ${ids.join(',')}`,
  act: (a) => a.as(user).reverseEntries(ids, 'Logged against the wrong client'),
});
const refreshLog = (user: string, client: string): Party => ({
  name: `${user} refreshes ${client}'s client log`,
  act: (a) => a.as(user).exportPrepaidLog(client),
});

function withTrigger(addon: Addon): Addon {
  addon.server.installInvoicingTrigger();
  return addon;
}

function authorizedWorkbook(): Addon {
  const addon = withTrigger(trustWorkbook(BASE));
  addon.server.authorizeEntries(['E-1', 'E-2']);
  return addon;
}

/** The scenarios of the issue, each in both orders at the large size. */
export function interleavings(size: TrustSize): Interleaving[] {
  const pairs: Interleaving[] = [
    {
      name: 'two authorizers on overlapping entries',
      prepare: () => trustWorkbook(BASE),
      first: authorize(OWNER, ['E-1', 'E-2', 'E-3']),
      others: [authorize(SECOND, ['E-2', 'E-3', 'E-5'])],
    },
    {
      name: 'authorization (invoicing right after) during the trigger',
      prepare: () => withTrigger(trustWorkbook(BASE)),
      first: authorize(SECOND, ['E-1', 'E-2', 'E-3']),
      others: [trigger],
    },
    {
      name: 'markInvoicePaid twice at once',
      prepare: () => invoicedWorkbook(BASE),
      first: pay(OWNER, 'INV-2026-0001'),
      others: [pay(SECOND, 'INV-2026-0001')],
    },
    { name: 'a reversal during a client log refresh', prepare: authorizedWorkbook, first: refreshLog(OWNER, 'Acme'), others: [reverse(SECOND, ['E-1'])] },
    {
      name: 'a reversal during the trigger (which refreshes every client log)',
      prepare: authorizedWorkbook,
      first: trigger,
      others: [reverse(SECOND, ['E-1', 'E-2'])],
    },
  ];
  if (size.interleavingVariants === 'base') return pairs;
  const swapped = pairs.map((p) => ({ ...p, name: `${p.name} (other order)`, first: p.others[0], others: [p.first] }));
  const threeParties: Interleaving[] = [
    {
      name: 'two authorizers and the trigger',
      prepare: () => withTrigger(trustWorkbook(BASE)),
      first: authorize(OWNER, ['E-1', 'E-2']),
      others: [authorize(SECOND, ['E-2', 'E-3']), trigger],
    },
    {
      name: 'the trigger, an authorizer and a reversal',
      prepare: authorizedWorkbook,
      first: trigger,
      others: [authorize(SECOND, ['E-3', 'E-5']), reverse(OWNER, ['E-2'])],
    },
  ];
  return [...pairs, ...swapped, ...threeParties];
}

/** The workbook after the parties act one after the other, in order. */
function sequential(scenario: Interleaving): Addon {
  const addon = scenario.prepare();
  for (const party of [scenario.first, ...scenario.others]) party.act(addon);
  return addon;
}

/** Runs the others at write boundary `boundary` of the first party; returns what broke. */
function runAt(scenario: Interleaving, boundary: number, expected: ReturnType<typeof workbookState>): string[] {
  const addon = scenario.prepare();
  const broken: string[] = [];
  const busy: Party[] = [];
  let seen = 0;
  const unhook = addon.emu.faults.onWrite(() => {
    seen += 1;
    if (seen !== boundary) return;
    for (const party of scenario.others) {
      const writes = addon.emu.faults.writes;
      const clock = addon.emu.clock.now();
      try {
        party.act(addon);
        broken.push(`${party.name} went through while ${scenario.first.name} held the lock`);
      } catch (error) {
        const message = String((error as Error)?.message ?? '');
        if (!/try again/i.test(message)) broken.push(`${party.name} was told "${message}" instead of busy, try again`);
        const why = unreadableError(error);
        if (why) broken.push(`${party.name}: ${why}`);
        const wrote = addon.emu.faults.writes - writes;
        if (wrote) broken.push(`${party.name} wrote ${wrote} times without the lock`);
        busy.push(party);
      } finally {
        // The caller waited in their own execution; the first one's clock did not move meanwhile.
        addon.emu.clock.set(clock);
      }
    }
  });
  try {
    scenario.first.act(addon);
  } catch (error) {
    broken.push(`${scenario.first.name} failed: ${describeError(error)}`);
  }
  unhook();
  if (seen < boundary) broken.push(`${scenario.first.name} made only ${seen} writes, so nobody arrived at write ${boundary}`);
  for (const party of busy) {
    try {
      party.act(addon);
    } catch (error) {
      broken.push(`${party.name}, tried again, failed: ${describeError(error)}`);
    }
  }
  const check = addon.server.checkLedger();
  if (!check.ok) broken.push(`checkLedger: ${check.summary}`);
  return [...broken, ...invariantBreaks(addon), ...stateDifferences(expected, workbookState(addon))];
}

/** Every scenario with the others arriving at every write boundary of the first party. */
export function interleavingCases(size: TrustSize, scenarios: readonly Interleaving[] = interleavings(size)): CaseResult[] {
  return scenarios.flatMap((scenario) => {
    const reference = sequential(scenario);
    const referenceBreaks = [...invariantBreaks(reference), ...(reference.server.checkLedger().ok ? [] : ['checkLedger reports problems'])];
    if (referenceBreaks.length) return [failed('interleaving', scenario.name, `${scenario.name} one after the other`, referenceBreaks.join('; '))];
    const expected = workbookState(reference);
    const probe = scenario.prepare();
    const before = probe.emu.faults.writes;
    scenario.first.act(probe);
    const boundaries = probe.emu.faults.writes - before;
    if (boundaries === 0) return [failed('interleaving', scenario.name, scenario.name, `${scenario.first.name} wrote nothing`)];
    return Array.from({ length: boundaries }, (_, i) =>
      verdict('interleaving', scenario.name, `${scenario.name}: others at write ${i + 1} of ${boundaries}`, runAt(scenario, i + 1, expected)),
    );
  });
}

/**
 * One server function called while another execution holds the document lock. Calls
 * that write must answer "busy, try again" (a menu item shows it in an alert) and change
 * nothing; reads (an authorizer's preview among them) must still answer, and change nothing.
 */
function lockHeldCase(f: ServerFunction): string[] {
  const addon = matrixWorkbook();
  const before = workbookState(addon);
  const lockService = addon.emu.globals.LockService as GoogleAppsScript.Lock.LockService;
  const broken: string[] = [];
  addon.emu.execution(
    () => {
      if (!lockService.getDocumentLock().tryLock(1000)) throw new Error('the holder could not take the lock');
      const alerts = addon.emu.ui.alerts.length;
      try {
        addon.call(f.name, f.args(addon), SECOND);
        const shown = addon.emu.ui.alerts
          .slice(alerts)
          .map((a) => a.prompt ?? '')
          .join(' | ');
        const reads = f.access === 'reader' || f.readsOnly;
        if (!reads && !/try again/i.test(shown)) broken.push(`went through while the lock was held${shown ? `; it showed: ${shown}` : ''}`);
      } catch (error) {
        if (f.access === 'reader' || f.readsOnly) broken.push(`a read failed while the lock was held: ${describeError(error)}`);
        else if (!/try again/i.test(String((error as Error)?.message))) broken.push(`was told "${describeError(error)}" instead of busy, try again`);
        const why = unreadableError(error);
        if (why) broken.push(why);
      }
    },
    { user: OWNER },
  );
  return [...broken, ...stateDifferences(before, workbookState(addon)).map((d) => `changed something without the lock: ${d}`)];
}

/** Every server function, with the lock held by someone else. */
export function lockHeldCases(): CaseResult[] {
  return SERVER_FUNCTIONS.map((f) =>
    verdict('interleaving', 'every server function while the lock is held elsewhere', `${f.name} while another execution holds the lock`, lockHeldCase(f)),
  );
}
