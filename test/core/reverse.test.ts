/**
 * Reversal: one Reversal row per deducted entry, for the minutes that were deducted,
 * pointing at the deduction it undoes; anything not deducted is skipped with a reason.
 */
import { planAuthorization } from '../../src/core/authorize';
import { Ledger, verifyAppend } from '../../src/core/ledger';
import { planReversal } from '../../src/core/reverse';
import { aClient, aTimeEntry, AUTHORIZER, clientsByName, idSequence, ledgerOf, NOW, row, utcDay } from '../../harness/builders';

const clients = clientsByName(aClient(), aClient({ name: 'Beta', minimumMinutes: 0 }));

function reverse(ledger: Ledger, entryIds: string[], reason = 'Billed to the wrong client') {
  const outcome = planReversal({ entryIds, reason, clients, ledger, user: AUTHORIZER, now: NOW, newLogId: idSequence('R') });
  verifyAppend(ledger.rows, ledger.appended);
  return outcome;
}

/** Acme topped up 10 h, then E-1 deducted 60 (raw 50, rounded) and E-2 deducted 30; Beta 5 h with E-3 at 45. */
function authorizedLedger(): Ledger {
  return ledgerOf(
    row('Top-up', 'Acme', 600),
    row('Top-up', 'Beta', 300),
    row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 50, person: 'ann', workDate: Date.UTC(2026, 1, 3), description: 'Call' }),
    row('Deduction', 'Acme', -30, { entryId: 'E-2', rawMinutes: 30 }),
    row('Deduction', 'Beta', -45, { entryId: 'E-3', rawMinutes: 45 }),
  );
}

describe('planReversal', () => {
  it('writes a Reversal for the deducted (rounded) minutes that points at the deduction', () => {
    const ledger = authorizedLedger();
    const { reversed, skipped, logRows, balances } = reverse(ledger, ['E-1']);
    expect(skipped).toEqual([]);
    expect(reversed).toEqual([{ entryId: 'E-1', client: 'Acme', minutes: 60 }]);
    expect(logRows).toEqual([
      expect.objectContaining({
        logId: 'R-1',
        at: NOW,
        client: 'Acme',
        kind: 'Reversal',
        minutes: 60,
        balanceAfterMinutes: 570, // 600 − 60 − 30 + 60
        entryId: 'E-1',
        description: 'Billed to the wrong client',
        by: AUTHORIZER,
        reference: 'L-3',
        rawMinutes: 50,
        person: 'ann',
        workDate: Date.UTC(2026, 1, 3),
      }),
    ]);
    expect(balances).toEqual([{ client: 'Acme', beforeMinutes: 510, afterMinutes: 570, minimumMinutes: 120, belowMinimum: false, negative: false }]);
    expect(ledger.isDeducted('E-1')).toBe(false);
    expect(ledger.isDeducted('E-2')).toBe(true);
  });

  it('reverses several entries across clients, each once, even when named twice', () => {
    const ledger = authorizedLedger();
    const { reversed, logRows } = reverse(ledger, ['E-2', 'E-3', 'E-2', ' E-3 ']);
    expect(reversed.map((r) => r.entryId)).toEqual(['E-2', 'E-3']);
    expect(logRows).toHaveLength(2);
    expect(ledger.balance('Acme')).toBe(600 - 60);
    expect(ledger.balance('Beta')).toBe(300);
  });

  it('skips entries that are not deducted, and blank ids', () => {
    const ledger = authorizedLedger();
    reverse(ledger, ['E-1']);
    const again = reverse(new Ledger([...ledger.rows, ...ledger.appended]), ['E-1', 'E-404', '']);
    expect(again.reversed).toEqual([]);
    expect(again.logRows).toEqual([]);
    expect(again.skipped.map((s) => [s.entryId, s.code])).toEqual([
      ['E-1', 'not-authorized'],
      ['E-404', 'not-authorized'],
      ['', 'no-entry-id'],
    ]);
    expect(again.skipped[0].message).toMatch(/nothing to reverse/);
  });

  it('restores the balance of an authorization, and the entry can be authorized again with new hours', () => {
    const ledger = ledgerOf(row('Top-up', 'Acme', 600));
    const entry = aTimeEntry({ entryId: 'E-7', hours: '1:10' });
    const newLogId = idSequence('A');
    const auth = (hours: unknown) =>
      planAuthorization({
        entryIds: ['E-7'],
        entries: [{ ...entry, hours }],
        clients,
        ledger,
        roundingMinutes: 15,
        user: AUTHORIZER,
        now: NOW,
        durationEpochMs: Date.UTC(1899, 11, 30),
        newLogId,
        dayOf: utcDay,
      });

    auth('1:10');
    expect(ledger.balance('Acme')).toBe(600 - 75); // 70 rounded up to 75
    planReversal({ entryIds: ['E-7'], reason: 'wrong hours', clients, ledger, user: AUTHORIZER, now: NOW, newLogId });
    expect(ledger.balance('Acme')).toBe(600);
    const again = auth('0:40');
    expect(again.authorized).toEqual([{ entryId: 'E-7', row: entry.row, client: 'Acme', rawMinutes: 40, minutes: 45, flags: [] }]);
    expect(ledger.balance('Acme')).toBe(600 - 45);
    expect(ledger.appended.map((r) => [r.kind, r.minutes])).toEqual([
      ['Deduction', -75],
      ['Reversal', 75],
      ['Deduction', -45],
    ]);
    expect(() => verifyAppend(ledger.rows, ledger.appended)).not.toThrow();
  });

  it('reverses the minutes the log deducted, without reading the entry', () => {
    // The reversal reads the log, not the entry, so an edited entry cannot unbalance it.
    const ledger = authorizedLedger();
    const { reversed } = reverse(ledger, ['E-3']);
    expect(reversed[0].minutes).toBe(45);
    expect(ledger.balance('Beta')).toBe(300);
  });
});
