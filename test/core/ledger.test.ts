/**
 * The ledger: balances are the sum of the log, running balances are integer sums, the
 * checksum chains row to row, and verifyAppend refuses a bad batch before any write.
 */
import { rowChecksum } from '../../src/core/checksum';
import { Ledger, LedgerInvariantError, verifyAppend } from '../../src/core/ledger';
import type { LogRow } from '../../src/core/types';
import { aDraft, logRows, row } from '../../harness/builders';

/** Acme: +600, -90 (E-1), +90 (reversal of E-1), -60 (E-1 again); Beta: +300, -30. */
function sampleRows(): LogRow[] {
  return logRows(
    row('Top-up', 'Acme', 600),
    row('Top-up', 'Beta', 300),
    row('Deduction', 'Acme', -90, { entryId: 'E-1', rawMinutes: 85 }),
    row('Adjustment', 'Beta', -30, { description: 'goodwill' }),
    row('Reversal', 'Acme', 90, { entryId: 'E-1', reference: 'L-3' }),
    row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 60 }),
  );
}

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('Ledger', () => {
  it('writes each row with the running balance of its own client', () => {
    expect(sampleRows().map((r) => r.balanceAfterMinutes)).toEqual([600, 300, 510, 270, 600, 540]);
  });

  it('has each balance equal to the sum of the client’s log', () => {
    const ledger = new Ledger(sampleRows());
    expect(ledger.balance('Acme')).toBe(600 - 90 + 90 - 60);
    expect(ledger.balance('Beta')).toBe(300 - 30);
    expect(ledger.balance('Nobody')).toBe(0);
    expect(ledger.clients().sort()).toEqual(['Acme', 'Beta']);
  });

  it('counts deductions minus reversals per entry, and knows the standing deduction', () => {
    const rows = sampleRows();
    const ledger = new Ledger(rows);
    expect(ledger.netDeductions('E-1')).toBe(1);
    expect(ledger.isDeducted('E-1')).toBe(true);
    expect(ledger.deductionOf('E-1')).toBe(rows[5]); // the re-authorization, not the first deduction
    expect(ledger.isDeducted('E-2')).toBe(false);
    expect(ledger.deductionOf('E-2')).toBeUndefined();

    const reversedOnly = new Ledger(rows.slice(0, 5));
    expect(reversedOnly.netDeductions('E-1')).toBe(0);
    expect(reversedOnly.deductionOf('E-1')).toBeUndefined();
  });

  it('does not count Top-ups or Adjustments that mention an Entry ID as deductions', () => {
    const ledger = new Ledger(logRows(row('Adjustment', 'Acme', -30, { entryId: 'E-9' })));
    expect(ledger.netDeductions('E-9')).toBe(0);
    expect(ledger.balance('Acme')).toBe(-30);
  });

  it('chains each row’s checksum to the row before it', () => {
    const rows = sampleRows();
    let previous = '';
    for (const r of rows) {
      const { checksum, ...rest } = r;
      expect(checksum).toMatch(/^[0-9a-f]{8}$/);
      expect(checksum).toBe(rowChecksum(rest, previous));
      previous = checksum;
    }
    expect(new Set(rows.map((r) => r.checksum)).size).toBe(rows.length);
  });

  it('appends after existing rows: running balance from the log, chain from the last row', () => {
    const rows = sampleRows();
    const ledger = new Ledger(rows);
    const appended = ledger.append(aDraft({ logId: 'L-7', kind: 'Deduction', minutes: -45, entryId: 'E-2', rawMinutes: 40 }));
    expect(appended.balanceAfterMinutes).toBe(540 - 45);
    const { checksum, ...rest } = appended;
    expect(checksum).toBe(rowChecksum(rest, rows[5].checksum));
    expect(ledger.appended).toEqual([appended]);
    expect(ledger.rows).toBe(rows); // existing rows are not copied or changed
    expect(ledger.balance('Acme')).toBe(495);
    expect(ledger.isDeducted('E-2')).toBe(true);
  });

  it('lets a balance go below zero', () => {
    const ledger = new Ledger(logRows(row('Top-up', 'Acme', 60)));
    const r = ledger.append(aDraft({ logId: 'L-2', kind: 'Deduction', minutes: -90, entryId: 'E-1', rawMinutes: 90 }));
    expect(r.balanceAfterMinutes).toBe(-30);
    expect(ledger.balance('Acme')).toBe(-30);
  });
});

describe('verifyAppend', () => {
  function batchAfter(existing: LogRow[], ...drafts: Parameters<typeof aDraft>[0][]): LogRow[] {
    const ledger = new Ledger(existing);
    drafts.forEach((d, i) => ledger.append(aDraft({ logId: `N-${i + 1}`, ...d })));
    return [...ledger.appended];
  }

  it('accepts a batch the Ledger built', () => {
    const existing = sampleRows();
    const batch = batchAfter(
      existing,
      { kind: 'Reversal', minutes: 60, entryId: 'E-1' },
      { kind: 'Deduction', minutes: -75, entryId: 'E-1', rawMinutes: 75 },
      { kind: 'Top-up', client: 'Gamma', minutes: 120 },
    );
    expect(() => verifyAppend(existing, batch)).not.toThrow();
    expect(() => verifyAppend([], [])).not.toThrow();
    expect(() => verifyAppend(existing, [])).not.toThrow();
  });

  it('refuses a row whose balance is not the sum of the client’s log', () => {
    const existing = sampleRows();
    const batch = batchAfter(existing, { kind: 'Top-up', minutes: 60 });
    batch[0] = { ...batch[0], balanceAfterMinutes: batch[0].balanceAfterMinutes + 1 };
    const error = thrown(() => verifyAppend(existing, batch));
    expect(error).toBeInstanceOf(LedgerInvariantError);
    expect(error.message).toMatch(/balance after log row N-1/);
    expect(error.message).toMatch(/Nothing was written/);
  });

  it('refuses a second deduction of an entry, in the same batch or after the log', () => {
    const existing = sampleRows(); // E-1 is deducted
    const again = batchAfter(existing, { kind: 'Deduction', minutes: -60, entryId: 'E-1' });
    expect(thrown(() => verifyAppend(existing, again)).message).toMatch(/E-1 would be deducted twice/);

    const twiceInBatch = batchAfter(existing, { kind: 'Deduction', minutes: -30, entryId: 'E-2' }, { kind: 'Deduction', minutes: -30, entryId: 'E-2' });
    expect(thrown(() => verifyAppend(existing, twiceInBatch)).message).toMatch(/E-2 would be deducted twice/);
  });

  it('refuses a reversal without a deduction', () => {
    const existing = sampleRows();
    const batch = batchAfter(existing, { kind: 'Reversal', minutes: 30, entryId: 'E-2' });
    expect(thrown(() => verifyAppend(existing, batch)).message).toMatch(/E-2 would be reversed without a deduction/);
  });

  it('refuses a Log ID that already exists, in the log or in the batch', () => {
    const existing = sampleRows();
    const clash = batchAfter(existing, { logId: 'L-2', kind: 'Top-up', minutes: 60 });
    expect(thrown(() => verifyAppend(existing, clash)).message).toMatch(/Log ID L-2 would appear twice/);
    const inBatch = batchAfter(existing, { logId: 'X', kind: 'Top-up', minutes: 60 }, { logId: 'X', kind: 'Top-up', minutes: 60 });
    expect(thrown(() => verifyAppend(existing, inBatch)).message).toMatch(/Log ID X would appear twice/);
  });

  it('refuses fractional minutes', () => {
    const existing = sampleRows();
    const batch = batchAfter(existing, { kind: 'Top-up', minutes: 0.5 });
    expect(thrown(() => verifyAppend(existing, batch)).message).toMatch(/fractional/);
  });

  it('refuses the whole batch when only its last row is bad', () => {
    const existing = sampleRows();
    const batch = batchAfter(
      existing,
      { kind: 'Top-up', minutes: 60 },
      { kind: 'Deduction', minutes: -30, entryId: 'E-5' },
      { kind: 'Deduction', minutes: -30, entryId: 'E-1' }, // E-1 is already deducted
    );
    expect(() => verifyAppend(existing, batch.slice(0, 2))).not.toThrow();
    expect(() => verifyAppend(existing, batch)).toThrow(LedgerInvariantError);
  });

  it('does not blame a new batch for an old double deduction it does not touch', () => {
    const doubled = logRows(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -60, { entryId: 'E-1' }), row('Deduction', 'Acme', -60, { entryId: 'E-1' }));
    const batch = batchAfter(doubled, { kind: 'Deduction', minutes: -30, entryId: 'E-2' });
    expect(() => verifyAppend(doubled, batch)).not.toThrow();
  });
});
