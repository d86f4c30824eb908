/**
 * The ledger audit behind `checkLedger`: it must notice every kind of hand edit the
 * Prepaid log and Credits can suffer, and say nothing about a clean ledger.
 */
import { auditLedger, type LedgerFacts, type LedgerProblem } from '../../src/core/check-ledger';
import { Ledger } from '../../src/core/ledger';
import type { LogRow, TimeEntry } from '../../src/core/types';
import { aDraft, aTimeEntry, logRows, row } from '../../harness/builders';

/**
 * Acme: +600, E-1 −90, E-3 −30 -> 480. Beta: +300, E-2 −45 -> 255.
 * E-1..E-3 are Authorized; E-4 is Open.
 */
function cleanLog(): LogRow[] {
  return logRows(
    row('Top-up', 'Acme', 600),
    row('Top-up', 'Beta', 300),
    row('Deduction', 'Acme', -90, { entryId: 'E-1', rawMinutes: 90 }),
    row('Deduction', 'Beta', -45, { entryId: 'E-2', rawMinutes: 45 }),
    row('Deduction', 'Acme', -30, { entryId: 'E-3', rawMinutes: 30 }),
  );
}

function cleanEntries(): TimeEntry[] {
  return [
    aTimeEntry({ entryId: 'E-1', hours: 1.5, status: 'Authorized' }),
    aTimeEntry({ entryId: 'E-2', client: 'Beta', hours: '0:45', status: 'authorized ' }),
    aTimeEntry({ entryId: 'E-3', hours: new Date(Date.UTC(1899, 11, 30, 0, 30)), status: 'Authorized' }),
    aTimeEntry({ entryId: 'E-4', hours: 1, status: 'Open' }),
    aTimeEntry({ entryId: '', hours: 'junk', status: '' }), // not yet given an ID: nothing to check
  ];
}

function audit(overrides: Partial<LedgerFacts> = {}) {
  return auditLedger({
    log: cleanLog(),
    recordedBalances: new Map([
      ['Acme', 480],
      ['Beta', 255],
    ]),
    entries: cleanEntries(),
    durationEpochMs: Date.UTC(1899, 11, 30),
    ...overrides,
  });
}

const codes = (problems: LedgerProblem[]) => problems.map((p) => [p.code, p.logId ?? p.entryId ?? p.client]);

describe('auditLedger', () => {
  it('finds nothing wrong with a clean ledger', () => {
    expect(audit()).toEqual({ ok: true, rowsChecked: 5, problems: [] });
    expect(auditLedger({ log: [], recordedBalances: new Map([['New', 0]]), entries: [], durationEpochMs: 0 })).toEqual({
      ok: true,
      rowsChecked: 0,
      problems: [],
    });
  });

  it('finds a row whose minutes were edited: its checksum, its running balance and the client’s balance', () => {
    const log = cleanLog();
    log[2] = { ...log[2], minutes: -60 };
    const report = audit({ log });
    expect(report.ok).toBe(false);
    expect(codes(report.problems)).toEqual([
      ['running-balance', 'L-3'],
      ['checksum', 'L-3'],
      ['balance-mismatch', 'Acme'],
    ]);
    expect(report.problems[0].message).toMatch(/says Acme's balance is 8\.50 h, but the log adds up to 9\.00 h/);
    expect(report.problems[2].message).toMatch(/Acme's Balance \(h\) in Credits is 8\.00 h, but its log adds up to 8\.50 h/);
  });

  it('finds an edit that leaves the figures alone (a description) by its checksum', () => {
    const log = cleanLog();
    log[3] = { ...log[3], description: 'not what happened' };
    expect(codes(audit({ log }).problems)).toEqual([['checksum', 'L-4']]);
  });

  it('finds a removed row', () => {
    const log = cleanLog();
    log.splice(1, 1); // Beta's top-up
    const report = audit({ log });
    expect(codes(report.problems)).toEqual([
      ['checksum', 'L-3'], // the row after the gap no longer chains
      ['running-balance', 'L-4'],
      ['balance-mismatch', 'Beta'],
    ]);
    expect(report.rowsChecked).toBe(4);
  });

  it('finds a removed last row by the balance and the entry’s status', () => {
    const log = cleanLog().slice(0, 4);
    expect(codes(audit({ log }).problems)).toEqual([
      ['balance-mismatch', 'Acme'],
      ['status-mismatch', 'E-3'],
    ]);
  });

  it('finds an inserted copy of a deduction', () => {
    const log = cleanLog();
    log.splice(3, 0, { ...log[2], logId: 'L-99' });
    expect(codes(audit({ log }).problems)).toEqual([
      ['running-balance', 'L-99'],
      ['checksum', 'L-99'],
      ['double-deduction', 'L-99'],
      ['balance-mismatch', 'Acme'],
    ]);
  });

  it('finds an inserted row even when its own balance and checksum were forged to fit', () => {
    const log = cleanLog();
    const forger = new Ledger(log.slice(0, 2));
    const forged = forger.append(aDraft({ logId: 'L-X', client: 'Acme', kind: 'Top-up', minutes: 600 }));
    log.splice(2, 0, forged);
    const found = codes(audit({ log }).problems);
    expect(found).toContainEqual(['checksum', 'L-3']);
    expect(found).toContainEqual(['running-balance', 'L-3']);
    expect(found).toContainEqual(['balance-mismatch', 'Acme']);
  });

  it('finds a wrong or unreadable recorded balance', () => {
    const report = audit({
      recordedBalances: new Map<string, number | null>([
        ['Acme', 470],
        ['Beta', null],
        ['Idle', 60],
      ]),
    });
    expect(codes(report.problems)).toEqual([
      ['balance-mismatch', 'Acme'],
      ['balance-mismatch', 'Beta'],
      ['balance-mismatch', 'Idle'],
    ]);
    expect(report.problems[0].message).toMatch(/is 7\.83 h, but its log adds up to 8\.00 h/);
    expect(report.problems[1].message).toMatch(/is not a number, but its log adds up to 4\.25 h/);
    expect(report.problems[2].message).toMatch(/is 1\.00 h, but its log adds up to 0\.00 h/);
  });

  it('finds a double deduction even in a log whose checksums and balances are all consistent', () => {
    const ledger = new Ledger(cleanLog());
    ledger.append(aDraft({ logId: 'L-6', kind: 'Deduction', minutes: -90, entryId: 'E-1', rawMinutes: 90 }));
    const log = [...ledger.rows, ...ledger.appended];
    const report = audit({
      log,
      recordedBalances: new Map([
        ['Acme', 390],
        ['Beta', 255],
      ]),
    });
    expect(codes(report.problems)).toEqual([['double-deduction', 'L-6']]);
    expect(report.problems[0].message).toMatch(/E-1 is deducted more than once/);
  });

  it('finds a reversal without a deduction', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Reversal', 'Acme', 60, { entryId: 'E-9' }));
    const report = audit({ log, recordedBalances: new Map([['Acme', 660]]), entries: [] });
    expect(codes(report.problems)).toEqual([['double-deduction', 'L-2']]);
    expect(report.problems[0].message).toMatch(/reversed more often than deducted/);
  });

  it('accepts deduct, reverse and deduct again', () => {
    const log = logRows(
      row('Top-up', 'Acme', 600),
      row('Deduction', 'Acme', -90, { entryId: 'E-1', rawMinutes: 90 }),
      row('Reversal', 'Acme', 90, { entryId: 'E-1' }),
      row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 60 }),
    );
    const report = audit({ log, recordedBalances: new Map([['Acme', 540]]), entries: [aTimeEntry({ entryId: 'E-1', hours: 1, status: 'Authorized' })] });
    expect(report.problems).toEqual([]);
  });

  it('finds hours edited after authorization, but not a rewrite of the same hours', () => {
    const entries = cleanEntries();
    entries[0] = { ...entries[0], hours: 2 };
    entries[1] = { ...entries[1], hours: 0.75 }; // 45 min, written differently: not an edit
    entries[2] = { ...entries[2], hours: 'half an hour' };
    const report = audit({ entries });
    expect(codes(report.problems)).toEqual([
      ['hours-edited', 'E-1'],
      ['hours-edited', 'E-3'],
    ]);
    expect(report.problems[0].message).toMatch(/deducted 1\.50 h/);
    expect(report.problems[0].client).toBe('Acme');
  });

  it('finds statuses that disagree with the log', () => {
    const entries = cleanEntries();
    entries[0] = { ...entries[0], status: 'Open' }; // deducted, but says Open (a crashed run)
    entries[3] = { ...entries[3], status: 'Authorized' }; // says Authorized, never deducted
    expect(codes(audit({ entries }).problems)).toEqual([
      ['status-mismatch', 'E-1'],
      ['status-mismatch', 'E-4'],
    ]);
  });

  it('finds log rows for a client that is not in Credits, once per client', () => {
    const log = logRows(row('Top-up', 'Acme', 600), row('Top-up', 'Gone', 60), row('Top-up', 'Gone', 60));
    const report = audit({ log, recordedBalances: new Map([['Acme', 600]]), entries: [] });
    expect(codes(report.problems)).toEqual([['unknown-client', 'L-2']]);
    expect(report.problems[0].client).toBe('Gone');
  });

  it('finds a duplicated Log ID', () => {
    const log = cleanLog();
    log[3] = { ...log[3], logId: 'L-3' };
    const found = codes(audit({ log }).problems);
    expect(found).toContainEqual(['duplicate-log-id', 'L-3']);
    expect(found).toContainEqual(['checksum', 'L-3']);
  });
});
