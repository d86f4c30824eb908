/**
 * Authorization: each requested entry is deducted once or skipped with a reason, valid
 * entries go through beside bad ones, rounding happens here and only here, and balances
 * may go below the minimum or zero with a flag saying so.
 */
import { planAuthorization, type AuthorizeInput } from '../../src/core/authorize';
import { countAuthorization } from '../../src/core/authorize-counts';
import { Ledger, verifyAppend } from '../../src/core/ledger';
import type { RoundingMinutes } from '../../src/core/rounding';
import type { Client, TimeEntry } from '../../src/core/types';
import { aClient, aTimeEntry, AUTHORIZER, clientsByName, idSequence, ledgerOf, NOW, row, utcDay } from './builders';

const UTC_EPOCH = Date.UTC(1899, 11, 30);

function authorize(
  entries: TimeEntry[],
  entryIds: string[],
  opts: { ledger?: Ledger; clients?: Client[]; rounding?: RoundingMinutes; epoch?: number; confirmed?: string[] } = {},
) {
  const ledger = opts.ledger ?? ledgerOf(row('Top-up', 'Acme', 600), row('Top-up', 'Beta', 300));
  const input: AuthorizeInput = {
    entryIds,
    entries,
    clients: clientsByName(...(opts.clients ?? [aClient(), aClient({ name: 'Beta', minimumMinutes: 0 })])),
    ledger,
    roundingMinutes: opts.rounding ?? 0,
    user: AUTHORIZER,
    now: NOW,
    durationEpochMs: opts.epoch ?? UTC_EPOCH,
    newLogId: idSequence('N'),
    dayOf: utcDay,
    confirmed: opts.confirmed,
  };
  const outcome = planAuthorization(input);
  verifyAppend(ledger.rows, ledger.appended);
  return { ...outcome, ledger };
}

describe('planAuthorization', () => {
  it('deducts each entry with a full log row and reports the balance change', () => {
    const a = aTimeEntry({ hours: 1.5, person: 'ann@agency.example', description: 'Design review', date: Date.UTC(2026, 1, 10) });
    const b = aTimeEntry({ hours: '0:45' });
    const c = aTimeEntry({ client: 'Beta', hours: '2h' });
    const { authorized, skipped, logRows, balances, ledger } = authorize([a, b, c], [a.entryId, b.entryId, c.entryId]);

    expect(skipped).toEqual([]);
    expect(authorized).toEqual([
      { entryId: a.entryId, row: a.row, client: 'Acme', rawMinutes: 90, minutes: 90, flags: [] },
      { entryId: b.entryId, row: b.row, client: 'Acme', rawMinutes: 45, minutes: 45, flags: [] },
      { entryId: c.entryId, row: c.row, client: 'Beta', rawMinutes: 120, minutes: 120, flags: [] },
    ]);
    expect(logRows).toHaveLength(3);
    expect(logRows[0]).toMatchObject({
      logId: 'N-1',
      at: NOW,
      client: 'Acme',
      kind: 'Deduction',
      minutes: -90,
      balanceAfterMinutes: 510, // 600 − 90
      entryId: a.entryId,
      description: 'Design review',
      by: AUTHORIZER,
      reference: '',
      rawMinutes: 90,
      person: 'ann@agency.example',
      workDate: Date.UTC(2026, 1, 10),
    });
    expect(logRows.map((r) => r.balanceAfterMinutes)).toEqual([510, 465, 180]);
    expect(ledger.balance('Acme')).toBe(465);
    expect(ledger.balance('Beta')).toBe(180);
    expect(balances).toEqual([
      { client: 'Acme', beforeMinutes: 600, afterMinutes: 465, minimumMinutes: 120, belowMinimum: false, negative: false },
      { client: 'Beta', beforeMinutes: 300, afterMinutes: 180, minimumMinutes: 0, belowMinimum: false, negative: false },
    ]);
  });

  it('skips each bad entry with its reason and still authorizes the good ones', () => {
    const good1 = aTimeEntry({ hours: 1 });
    const unknownClient = aTimeEntry({ client: 'Zeta' });
    const noClient = aTimeEntry({ client: '' });
    const missing = aTimeEntry({ hours: '' });
    const text = aTimeEntry({ hours: 'a while' });
    const negative = aTimeEntry({ hours: -2 });
    const nan = aTimeEntry({ hours: NaN });
    const dup1 = aTimeEntry({ entryId: 'E-DUP', row: 40 });
    const dup2 = aTimeEntry({ entryId: 'E-DUP', row: 41 });
    const good2 = aTimeEntry({ hours: '30m' });
    const entries = [good1, unknownClient, noClient, missing, text, negative, nan, dup1, dup2, good2];
    const ids = [good1, unknownClient, noClient, missing, text, negative, nan].map((e) => e.entryId);
    const { authorized, skipped, ledger } = authorize(entries, [...ids, 'E-DUP', '', '   ', 'E-NOPE', good2.entryId]);

    expect(authorized.map((a) => a.entryId)).toEqual([good1.entryId, good2.entryId]);
    expect(ledger.balance('Acme')).toBe(600 - 60 - 30);
    const codes = skipped.map((s) => [s.entryId, s.code]);
    expect(codes).toEqual([
      [unknownClient.entryId, 'unknown-client'],
      [noClient.entryId, 'unknown-client'],
      [missing.entryId, 'bad-hours'],
      [text.entryId, 'bad-hours'],
      [negative.entryId, 'bad-hours'],
      [nan.entryId, 'bad-hours'],
      ['E-DUP', 'duplicate-entry-id'],
      ['E-DUP', 'duplicate-entry-id'],
      ['', 'no-entry-id'],
      ['', 'no-entry-id'],
      ['E-NOPE', 'not-found'],
    ]);
    const message = (id: string) => skipped.find((s) => s.entryId === id)!.message;
    expect(message(unknownClient.entryId)).toMatch(/"Zeta", which is not in Credits/);
    expect(message(noClient.entryId)).toMatch(/names no client/);
    expect(message(missing.entryId)).toMatch(/missing/);
    expect(message(negative.entryId)).toMatch(/negative/);
    expect(message(text.entryId)).toContain(`row ${text.row}`);
    expect(message('E-DUP')).toMatch(/rows 40, 41/);
    expect(skipped.filter((s) => s.entryId === 'E-DUP').map((s) => s.row)).toEqual([40, 41]);
  });

  it('deducts an entry once when it is requested twice, and skips it on a second run', () => {
    const e = aTimeEntry({ hours: 2 });
    const first = authorize([e], [e.entryId, e.entryId, ` ${e.entryId} `]);
    expect(first.authorized).toHaveLength(1);
    expect(first.logRows).toHaveLength(1);
    expect(first.ledger.balance('Acme')).toBe(600 - 120);

    const ledger = new Ledger([...first.ledger.rows, ...first.logRows]);
    const second = authorize([{ ...e, status: 'Authorized' }], [e.entryId], { ledger });
    expect(second.authorized).toEqual([]);
    expect(second.skipped).toEqual([{ entryId: e.entryId, row: e.row, code: 'already-authorized', message: `Entry ${e.entryId} is already authorized.` }]);
    expect(second.logRows).toEqual([]);
    expect(ledger.balance('Acme')).toBe(480);
  });

  it('skips an entry the log shows deducted even when its status still says Open (a crashed run)', () => {
    const e = aTimeEntry({ entryId: 'E-1', hours: 1, status: 'Open' });
    const ledger = ledgerOf(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 60 }));
    const { skipped, logRows } = authorize([e], ['E-1'], { ledger });
    expect(skipped.map((s) => s.code)).toEqual(['already-authorized']);
    expect(logRows).toEqual([]);
  });

  it('deducts an entry again after its deduction was reversed', () => {
    const e = aTimeEntry({ entryId: 'E-1', hours: 1.25 });
    const ledger = ledgerOf(
      row('Top-up', 'Acme', 600),
      row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 60 }),
      row('Reversal', 'Acme', 60, { entryId: 'E-1' }),
    );
    const { authorized, ledger: after } = authorize([e], ['E-1'], { ledger });
    expect(authorized).toEqual([{ entryId: 'E-1', row: e.row, client: 'Acme', rawMinutes: 75, minutes: 75, flags: [] }]);
    expect(after.balance('Acme')).toBe(600 - 75);
  });

  describe('rounding', () => {
    it('rounds up to the workbook step and keeps the raw minutes', () => {
      const e = aTimeEntry({ hours: '0:50' });
      const { authorized, logRows } = authorize([e], [e.entryId], { rounding: 15 });
      expect(authorized[0]).toMatchObject({ rawMinutes: 50, minutes: 60 });
      expect(logRows[0]).toMatchObject({ minutes: -60, rawMinutes: 50, balanceAfterMinutes: 540 });
    });

    it('leaves an already-round entry as it is', () => {
      const e = aTimeEntry({ hours: 0.5 });
      const { logRows } = authorize([e], [e.entryId], { rounding: 15 });
      expect(logRows[0]).toMatchObject({ minutes: -30, rawMinutes: 30 });
    });

    it('uses the client’s own rule over the workbook’s, including "none"', () => {
      const six = aClient({ name: 'Six', roundingMinutes: 6 });
      const none = aClient({ name: 'None', roundingMinutes: 0 });
      const plain = aClient({ name: 'Plain' });
      const entries = [
        aTimeEntry({ client: 'Six', hours: '0:07' }),
        aTimeEntry({ client: 'None', hours: '0:07' }),
        aTimeEntry({ client: 'Plain', hours: '0:07' }),
      ];
      const { authorized } = authorize(
        entries,
        entries.map((e) => e.entryId),
        { clients: [six, none, plain], rounding: 30, ledger: new Ledger([]) },
      );
      expect(authorized.map((a) => [a.client, a.rawMinutes, a.minutes])).toEqual([
        ['Six', 7, 12],
        ['None', 7, 7],
        ['Plain', 7, 30],
      ]);
    });

    it('rounds the raw hours again on re-authorization, never the rounded figure', () => {
      const e = aTimeEntry({ entryId: 'E-1', hours: '0:50' });
      const ledger = ledgerOf(
        row('Top-up', 'Acme', 600),
        row('Deduction', 'Acme', -60, { entryId: 'E-1', rawMinutes: 50 }),
        row('Reversal', 'Acme', 60, { entryId: 'E-1' }),
      );
      const { logRows } = authorize([e], ['E-1'], { ledger, rounding: 15 });
      expect(logRows[0]).toMatchObject({ minutes: -60, rawMinutes: 50 });
    });
  });

  it('reads duration cells from the sheet’s own epoch', () => {
    const newYork = Date.UTC(1899, 11, 30, 5);
    const e = aTimeEntry({ hours: new Date(newYork + 135 * 60_000) });
    const { authorized } = authorize([e], [e.entryId], { epoch: newYork });
    expect(authorized[0].rawMinutes).toBe(135);
  });

  it('lets a balance go below its minimum and below zero, and flags both', () => {
    const small = aTimeEntry({ hours: 4.5 }); // 600 − 270 = 330: still above the 120 minimum
    const big = aTimeEntry({ hours: 6 }); // 330 − 360 = −30
    const first = authorize([small], [small.entryId]);
    expect(first.balances[0]).toMatchObject({ afterMinutes: 330, belowMinimum: false, negative: false });

    const ledger = ledgerOf(row('Top-up', 'Acme', 600));
    const { balances, authorized } = authorize([small, big], [small.entryId, big.entryId], { ledger });
    expect(authorized).toHaveLength(2);
    expect(balances).toEqual([{ client: 'Acme', beforeMinutes: 600, afterMinutes: -30, minimumMinutes: 120, belowMinimum: true, negative: true }]);

    const toMinimum = authorize([aTimeEntry({ entryId: 'E-M', hours: 8 })], ['E-M']); // 600 − 480 = 120, exactly the minimum
    expect(toMinimum.balances[0]).toMatchObject({ afterMinutes: 120, belowMinimum: false });
  });

  it('reports no balances and writes nothing when every entry is skipped', () => {
    const { balances, logRows, skipped } = authorize([aTimeEntry({ hours: 'x' })], ['E-NOPE', '']);
    expect(balances).toEqual([]);
    expect(logRows).toEqual([]);
    expect(skipped).toHaveLength(2);
  });
});
