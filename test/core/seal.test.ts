/**
 * The chain's guard: which row the add-on must not build on, what happened to it (by the
 * sealed copy), how Restore puts it back, and how accepting the log as it stands re-seals
 * it with Re-seal rows that keep every balance the sum of its log.
 */
import fc from 'fast-check';
import { auditLedger } from '../../src/core/check-ledger';
import { rowChecksum } from '../../src/core/checksum';
import { balancesOf, diagnoseBreak, findBreak, planAcceptance, sealedSequence, type SealMark } from '../../src/core/seal';
import type { LogRow } from '../../src/core/types';
import { idSequence, logRows, NOW, row, sumsByClient } from '../../harness/builders';

const sealed = () =>
  logRows(
    row('Top-up', 'Acme', 600),
    row('Top-up', 'Beta', 300),
    row('Deduction', 'Acme', -90, { entryId: 'E-1', rawMinutes: 90 }),
    row('Adjustment', 'Beta', -30, { description: 'Correction' }),
    row('Deduction', 'Acme', -60, { entryId: 'E-2', rawMinutes: 60 }),
  );
const mark = (rows: LogRow[]): SealMark => {
  const last = rows[rows.length - 1];
  return { logId: last.logId, checksum: last.checksum, at: last.at };
};
const sheetRow = (i: number) => i + 2;

describe('findBreak', () => {
  it('vouches for a log as the add-on wrote it', () => {
    const log = sealed();
    expect(findBreak(log, mark(log))).toBeNull();
  });

  it('finds the first row edited, inserted or out of order', () => {
    const log = sealed();
    expect(findBreak([log[0], { ...log[1], minutes: 3000 }, ...log.slice(2)], mark(log))).toBe(1);
    expect(findBreak([log[0], log[2], log[1], ...log.slice(3)], mark(log))).toBe(1);
    expect(findBreak([log[0], log[1], { ...log[1], logId: 'L-COPY' }, ...log.slice(2)], mark(log))).toBe(2);
  });

  it('checks a tail after a known checksum', () => {
    const log = sealed();
    expect(findBreak(log.slice(3), mark(log), log[2].checksum)).toBeNull();
    expect(findBreak(log.slice(3), mark(log), 'wrong')).toBe(0);
  });

  it('notices rows removed from the end, which break no chain, by the last sealed row', () => {
    const log = sealed();
    expect(findBreak(log.slice(0, 4), mark(log))).toBe(4);
    expect(findBreak(log.slice(0, 4), null)).toBeNull();
  });

  it('accepts a removal recorded by a Re-seal row, and rows moved to an archive before an Opening balance', () => {
    const log = sealed();
    const gone = mark(log);
    const reseal = logRows(...log.slice(0, 4), row('Re-seal', 'Acme', 0, { reference: gone.logId }));
    expect(findBreak(reseal, gone)).toBeNull();
    const opening = logRows(row('Opening balance', 'Acme', 450, { at: NOW + 1000 }));
    expect(findBreak(opening, gone)).toBeNull();
  });
});

describe('diagnoseBreak', () => {
  it('says field by field what an edit changed, and restores the sealed row', () => {
    const log = sealed();
    const edited = [...log];
    edited[2] = { ...log[2], minutes: 6000, client: 'Beta' };
    const d = diagnoseBreak(edited, 2, log, sheetRow);
    expect(d.break).toMatchObject({ ref: log[2].logId, kind: 'edited', client: 'Beta', sheetRow: 4, restorable: true });
    expect(d.break.changes).toEqual([
      { field: 'Client', was: 'Acme', now: 'Beta' },
      { field: 'Hours', was: '-1.50', now: '100.00' },
    ]);
    expect(d.break.message).toMatch(
      /^Log row L-3 on sheet row 4 was edited by hand: Client was Acme, now Beta; Hours was -1\.50, now 100\.00\. Nothing was built on it/,
    );
    expect(d.restored).toEqual(log);
  });

  it('removes an inserted row, puts back a removed one and returns a moved one to its place', () => {
    const log = sealed();
    const forged: LogRow = { ...log[0], logId: 'L-FORGED', minutes: 6000, checksum: '0badc0de' };
    const inserted = diagnoseBreak([log[0], forged, ...log.slice(1)], 1, log, sheetRow);
    expect(inserted.break).toMatchObject({ ref: 'L-FORGED', kind: 'inserted', restorable: true });
    expect(inserted.restored).toEqual(log);
    const removed = diagnoseBreak([...log.slice(0, 2), ...log.slice(3)], 2, log, sheetRow);
    expect(removed.break).toMatchObject({ ref: log[2].logId, kind: 'removed', client: 'Acme', restorable: true });
    expect(removed.break.message).toMatch(/^Log row L-3 \(Deduction of -1\.50 h for Acme\) was removed by hand from above sheet row 4\./);
    expect(removed.restored).toEqual(log);
    const swapped = diagnoseBreak([log[0], log[2], log[1], ...log.slice(3)], 1, log, sheetRow);
    expect(swapped.break).toMatchObject({ ref: log[1].logId, kind: 'moved', restorable: true });
    expect(swapped.restored).toEqual(log);
    const tail = diagnoseBreak(log.slice(0, 4), 4, log, sheetRow);
    expect(tail.break).toMatchObject({ ref: log[4].logId, kind: 'removed' });
    expect(tail.restored).toEqual(log);
  });

  it('without a sealed copy, still tells an insertion (removable) from an edit (not restorable)', () => {
    const log = sealed();
    const forged: LogRow = { ...log[0], logId: 'L-FORGED', checksum: '' };
    expect(diagnoseBreak([log[0], forged, ...log.slice(1)], 1, [], sheetRow)).toMatchObject({ break: { kind: 'inserted', restorable: true }, restored: log });
    const edited = [...log];
    edited[1] = { ...log[1], minutes: 999 };
    const d = diagnoseBreak(edited, 1, [], sheetRow);
    expect(d.break).toMatchObject({ kind: 'edited', restorable: false, changes: [] });
    expect(d.break.message).toMatch(/cannot be restored: undo the edit/);
  });

  it('reads a copy that lags behind the log (a run stopped between the two writes)', () => {
    const log = sealed();
    expect(sealedSequence(log.slice(0, 2), log)).toEqual(log);
    const edited = [...log];
    edited[3] = { ...log[3], minutes: 1 };
    expect(diagnoseBreak(edited, 3, log.slice(0, 2), sheetRow).break).toMatchObject({ kind: 'edited', restorable: false });
    // The last row, past the copy's end: an edited row of the add-on's or one added by hand? Not guessed.
    edited[3] = log[3];
    edited[4] = { ...log[4], minutes: 1 };
    expect(diagnoseBreak(edited, 4, log.slice(0, 2), sheetRow).break).toMatchObject({ kind: 'unknown', restorable: false });
    expect(diagnoseBreak([...log, { ...log[0], logId: 'L-TYPED' }], 5, log, sheetRow).break).toMatchObject({ kind: 'inserted', restorable: true });
    // A copy tampered with is believed only as far as its own chain holds.
    expect(sealedSequence([log[0], { ...log[1], minutes: 1 }, ...log.slice(2)], log.slice(0, 1))).toEqual(log.slice(0, 1));
  });
});

describe('planAcceptance', () => {
  const accept = (log: LogRow[], index: number, copy: LogRow[], clients = ['Acme', 'Beta']) =>
    planAcceptance({
      log,
      index,
      diagnosis: diagnoseBreak(log, index, copy, sheetRow),
      reason: 'Agreed by phone',
      user: 'boss@agency.example',
      now: NOW,
      newLogId: idSequence('L-NEW'),
      knownClients: new Set(clients),
      recordedBalances: new Map(),
    });

  it('re-seals from the edited row and records one Re-seal row per client whose balance moved', () => {
    const log = sealed();
    const edited = [...log];
    edited[2] = { ...log[2], client: 'Beta' };
    const plan = accept(edited, 2, log);
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.resealRows.map((r) => [r.kind, r.client, r.minutes, r.reference])).toEqual([
      ['Re-seal', 'Acme', 0, log[2].logId],
      ['Re-seal', 'Beta', 0, log[2].logId],
    ]);
    expect(plan.value.resealRows[0].description).toBe(
      "boss@agency.example accepted a hand edit of log row L-3 (Client was Acme, now Beta): Agreed by phone. Acme's balance 7.50 h before, 9.00 h after.",
    );
    expect(findBreak(plan.value.log, null)).toBeNull();
    expect(auditLedger({ log: plan.value.log, recordedBalances: sumsByClient(plan.value.log), entries: [], durationEpochMs: 0 }).ok).toBe(true);
  });

  it('refuses a row naming a client that is not in Credits, and a log that deducts an entry twice', () => {
    const log = sealed();
    const stranger = [...log];
    stranger[1] = { ...log[1], client: 'Globex' };
    expect(accept(stranger, 1, log)).toEqual({
      ok: false,
      refusal: { code: 'unknown-client', message: expect.stringMatching(/names the client "Globex", which is not in Credits/) },
    });
    const copied = [...log, { ...log[2], logId: 'L-PASTED' }];
    expect(accept(copied, 5, log)).toEqual({
      ok: false,
      refusal: { code: 'ledger-invariant', message: expect.stringMatching(/Entry E-1 would be deducted twice.*Restore the row instead/) },
    });
  });

  it('for any forged log, leaves a chain that holds and every balance the sum of its log', () => {
    fc.assert(
      fc.property(fc.nat({ max: 4 }), fc.integer({ min: -600, max: 600 }), fc.constantFrom('edit', 'insert', 'delete'), (at, minutes, how) => {
        const log = sealed();
        const forged: LogRow[] =
          how === 'edit'
            ? log.map((r, i) => (i === at ? { ...r, minutes } : r))
            : how === 'insert'
              ? [...log.slice(0, at), { ...log[0], logId: '', minutes, checksum: '' }, ...log.slice(at)]
              : log.filter((_, i) => i !== at);
        const index = findBreak(forged, mark(log));
        if (index === null) return;
        const plan = accept(forged, index, log);
        if (!plan.ok) throw new Error(plan.refusal.message);
        expect(findBreak(plan.value.log, null)).toBeNull();
        const sums = balancesOf(plan.value.log);
        for (const r of plan.value.log) expect(r.checksum).toBe(rowChecksum(r, plan.value.log[plan.value.log.indexOf(r) - 1]?.checksum ?? ''));
        expect(auditLedger({ log: plan.value.log, recordedBalances: sums, entries: [], durationEpochMs: 0 }).ok).toBe(true);
        expect(plan.value.log.every((r) => r.logId)).toBe(true);
      }),
    );
  });
});
