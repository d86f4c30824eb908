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
import { aClient, aTimeEntry, AUTHORIZER, clientsByName, idSequence, ledgerOf, NOW, row, utcDay } from '../../harness/builders';

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

  describe('sanity limits: entries over 24 h are refused, unusual ones need a confirmation', () => {
    const today = Date.UTC(2026, 2, 2); // NOW's day

    it('refuses an entry of more than 24 h with a reason, whatever the confirmation', () => {
      const day = aTimeEntry({ hours: '24:00' });
      const over = [aTimeEntry({ hours: '24:01' }), aTimeEntry({ hours: 25 }), aTimeEntry({ hours: '100h' }), aTimeEntry({ hours: 500 })];
      const ids = [day, ...over].map((e) => e.entryId);
      const { authorized, skipped } = authorize([day, ...over], ids, { confirmed: ids });
      expect(authorized.map((a) => a.entryId)).toEqual([day.entryId]);
      expect(skipped.map((s) => [s.entryId, s.code, s.flags])).toEqual(over.map((e) => [e.entryId, 'too-many-hours', undefined]));
      expect(skipped[1].message).toBe(
        `Entry ${over[1].entryId} (row ${over[1].row}): 25.00 h is more than 24 h in one entry. Log each day's work as an entry of its own.`,
      );
    });

    it('skips an entry of more than 12 h unless it is confirmed', () => {
      const twelve = aTimeEntry({ hours: 12, person: 'Ann', date: Date.UTC(2026, 1, 2) });
      const long = aTimeEntry({ hours: '12:30', person: 'Bob', date: Date.UTC(2026, 1, 3) });
      const first = authorize([twelve, long], [twelve.entryId, long.entryId]);
      expect(first.authorized.map((a) => a.entryId)).toEqual([twelve.entryId]);
      expect(first.skipped).toEqual([
        {
          entryId: long.entryId,
          row: long.row,
          code: 'long-entry',
          message: `Entry ${long.entryId} (row ${long.row}): 12.50 h in one entry is more than 12 h. If that is right, authorize it anyway from the sidebar.`,
          flags: [{ code: 'long-entry', message: '12.50 h in one entry is more than 12 h.' }],
        },
      ]);
      expect(first.logRows).toHaveLength(1);

      const confirmed = authorize([long], [long.entryId], { confirmed: [` ${long.entryId} `] });
      expect(confirmed.skipped).toEqual([]);
      expect(confirmed.authorized).toEqual([
        expect.objectContaining({ entryId: long.entryId, minutes: 750, flags: [expect.objectContaining({ code: 'long-entry' })] }),
      ]);
    });

    it("flags every entry of a person's day over 24 h, counting authorized entries and not other people's", () => {
      const date = Date.UTC(2026, 1, 20, 0);
      const done = aTimeEntry({ entryId: 'E-DONE', hours: 11, person: 'Ann', date });
      const ledger = ledgerOf(row('Top-up', 'Acme', 6000), row('Deduction', 'Acme', -660, { entryId: 'E-DONE', rawMinutes: 660 }));
      const morning = aTimeEntry({ hours: 11, person: 'ann ', date: date + 9 * 3_600_000 });
      const evening = aTimeEntry({ hours: '2:01', person: 'ANN', date });
      const bob = aTimeEntry({ hours: 11, person: 'Bob', date });
      const nextDay = aTimeEntry({ hours: 11, person: 'Ann', date: date + 86_400_000 });
      const entries = [done, morning, evening, bob, nextDay];
      const { authorized, skipped } = authorize(
        entries,
        [morning, evening, bob, nextDay].map((e) => e.entryId),
        { ledger },
      );
      expect(authorized.map((a) => a.entryId)).toEqual([bob.entryId, nextDay.entryId]);
      expect(skipped.map((s) => [s.entryId, s.code])).toEqual([
        [morning.entryId, 'long-day'],
        [evening.entryId, 'long-day'],
      ]);
      expect(skipped[0].flags).toEqual([{ code: 'long-day', message: 'ann logged 24.02 h on 2026-02-20, more than 24 h in one day.' }]);

      const justUnder = authorize([done, { ...evening, hours: '2:00' }, morning], [evening.entryId, morning.entryId], {
        ledger: ledgerOf(row('Top-up', 'Acme', 6000), row('Deduction', 'Acme', -660, { entryId: 'E-DONE', rawMinutes: 660 })),
      });
      expect(justUnder.skipped).toEqual([]);
    });

    it('skips an entry dated after today (in the workbook’s zone) unless it is confirmed', () => {
      const todays = aTimeEntry({ date: today });
      const tomorrow = aTimeEntry({ date: today + 86_400_000 });
      const lateTomorrow = aTimeEntry({ date: today + 86_400_000 });
      const first = authorize([todays, tomorrow, lateTomorrow], [todays.entryId, tomorrow.entryId, lateTomorrow.entryId], {
        confirmed: [lateTomorrow.entryId],
      });
      expect(first.authorized.map((a) => a.entryId)).toEqual([todays.entryId, lateTomorrow.entryId]);
      expect(first.skipped.map((s) => [s.entryId, s.code, s.message])).toEqual([
        [
          tomorrow.entryId,
          'future-date',
          `Entry ${tomorrow.entryId} (row ${tomorrow.row}): It is dated 2026-03-03, after today (2026-03-02). If that is right, authorize it anyway from the sidebar.`,
        ],
      ]);

      // In Sydney (UTC+11) the same instant is already 2026-03-02 20:30, and the entry of 03-02 is today's.
      const inSydney = (time: number) => utcDay(time + 11 * 3_600_000);
      const sydney = planAuthorization({
        entryIds: [tomorrow.entryId],
        entries: [{ ...tomorrow, date: Date.UTC(2026, 2, 1, 13) }],
        clients: clientsByName(aClient()),
        ledger: ledgerOf(row('Top-up', 'Acme', 600)),
        roundingMinutes: 0,
        user: AUTHORIZER,
        now: NOW,
        durationEpochMs: UTC_EPOCH,
        newLogId: idSequence('S'),
        dayOf: inSydney,
      });
      expect(sydney.skipped).toEqual([]);
    });

    it('lists every flag of an entry, and refusals come before flags', () => {
      const both = aTimeEntry({ hours: 13, date: today + 86_400_000, person: 'Cy' });
      const broken = aTimeEntry({ hours: 'x', date: today + 86_400_000 });
      const { skipped } = authorize([both, broken], [both.entryId, broken.entryId]);
      expect(skipped.map((s) => [s.code, s.flags?.map((f) => f.code)])).toEqual([
        ['long-entry', ['long-entry', 'future-date']],
        ['bad-hours', undefined],
      ]);
    });
  });

  it('counts one skip per sheet row and per unknown ID, the same way for a preview and a result', () => {
    const ledger = ledgerOf(row('Top-up', 'Acme', 600), row('Deduction', 'Acme', -60, { entryId: 'E-OLD', rawMinutes: 60 }));
    const entries = [
      aTimeEntry({ entryId: 'E-OLD', hours: 1 }),
      aTimeEntry({ entryId: 'E-OK', hours: 1 }),
      aTimeEntry({ entryId: 'E-DUP', row: 50 }),
      aTimeEntry({ entryId: 'E-DUP', row: 51 }),
      aTimeEntry({ entryId: 'E-WHO', client: 'Zeta' }),
      aTimeEntry({ entryId: 'E-BAD', hours: 'soon' }),
      aTimeEntry({ entryId: 'E-BIG', hours: 30 }),
      aTimeEntry({ entryId: 'E-LATE', date: Date.UTC(2026, 5, 1) }),
    ];
    const ids = ['E-OLD', 'E-OK', 'E-DUP', 'E-WHO', 'E-BAD', 'E-BIG', 'E-LATE', 'E-GONE'];
    const outcome = authorize(entries, ids, { ledger });
    expect(countAuthorization(outcome)).toEqual({ authorized: 1, skipped: 7, toConfirm: 1, alreadyAuthorized: 1 });
    expect(outcome.skipped).toHaveLength(8);
  });
});
