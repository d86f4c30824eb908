import fc from 'fast-check';
import { buildClientReport, DAY_MS, forecastRunOut, personForClient, usePerWeek, type ClientLogView } from '../../src/core/client-report';
import type { LogRow } from '../../src/core/types';
import { aClient, logRows, NOW, row, utcDay } from '../../harness/builders';

const VIEW: ClientLogView = { person: 'name', showDescriptions: true };
const day = (m: number, d: number) => Date.UTC(2026, m - 1, d);

/** A mixed log for Acme, with look-alike clients interleaved. */
function mixedLog(): LogRow[] {
  return logRows(
    row('Top-up', 'Acme', 600, { at: day(1, 5), reference: 'INV-2026-0001', description: 'First block' }),
    row('Top-up', 'Acme Labs', 1200, { at: day(1, 5) }),
    row('Top-up', 'acme', 300, { at: day(1, 6) }),
    row('Deduction', 'Acme', -90, {
      at: day(2, 21),
      entryId: 'E-1',
      rawMinutes: 80,
      person: 'ann.lee@agency.example',
      workDate: day(2, 20),
      description: 'Design',
    }),
    row('Deduction', 'Acme Labs', -60, { at: day(2, 21), entryId: 'E-9', workDate: day(2, 20) }),
    row('Deduction', 'Acme', -120, { at: day(2, 25), entryId: 'E-2', rawMinutes: 120, person: 'Bob', workDate: day(2, 24), description: 'Build' }),
    row('Reversal', 'Acme', 120, {
      at: day(2, 26),
      entryId: 'E-2',
      rawMinutes: 120,
      person: 'Bob',
      workDate: day(2, 24),
      description: 'Wrong client',
      reference: 'L-6',
    }),
    row('Adjustment', 'Acme', -30, { at: day(2, 27), description: 'Travel time agreed' }),
    row('Top-up', 'Acme', 300, { at: day(2, 27), reference: 'INV-2026-0007', description: 'Internal: paid late' }),
  );
}

describe('buildClientReport: the summary figures', () => {
  const report = buildClientReport({ dayOf: utcDay, client: aClient({ minimumMinutes: 120 }), log: mixedLog(), now: NOW, view: VIEW });

  it('adds up purchased, used, adjusted and remaining by hand', () => {
    expect(report.purchasedMinutes).toBe(900); // 600 + 300
    expect(report.usedMinutes).toBe(90); // 90 + 120 − 120 (reversed)
    expect(report.adjustedMinutes).toBe(-30);
    expect(report.openingMinutes).toBe(0);
    expect(report.closingMinutes).toBe(780); // 900 − 90 − 30
    expect(report.balanceMinutes).toBe(780);
    expect(report.belowMinimum).toBe(false);
  });

  it('names the last top-up with its invoice number', () => {
    expect(report.lastTopUp).toEqual({ at: day(2, 27), minutes: 300, reference: 'INV-2026-0007' });
  });

  it('keeps only Acme rows, in order, with the running balance', () => {
    expect(report.lines.map((l) => [l.kind, l.minutes, l.balanceMinutes])).toEqual([
      ['Top-up', 600, 600],
      ['Deduction', -90, 510],
      ['Deduction', -120, 390],
      ['Reversal', 120, 510],
      ['Adjustment', -30, 480],
      ['Top-up', 300, 780],
    ]);
  });

  it('shows deductions with their date, person and description; keeps Log ID, Entry ID and raw hours apart; top-ups name their invoice', () => {
    const log = mixedLog();
    expect(report.lines[1]).toEqual({
      at: day(2, 21),
      kind: 'Deduction',
      workDate: day(2, 20),
      person: 'Ann Lee',
      description: 'Design',
      rawMinutes: 80,
      minutes: -90,
      balanceMinutes: 510,
      invoice: '',
      entryId: 'E-1',
      logId: log[3].logId,
    });
    expect(report.lines[0].invoice).toBe('INV-2026-0001');
    expect(report.lines[4]).toMatchObject({ invoice: '', entryId: '' });
    expect(report.lines[3]).toMatchObject({ invoice: '', entryId: 'E-2' }); // not the internal Log ID the reversal points at
  });

  it('counts use per ISO week, Monday to Sunday, by the date the work was done', () => {
    // NOW is Monday 2026-03-02 09:30: the last week is Mar 2 … Mar 8 (so far), the first Jan 12 … Jan 18.
    const use = report.usePerWeek;
    expect(use.weeks.map((w) => [w.monday, w.sunday])).toEqual(
      ['01-12', '01-19', '01-26', '02-02', '02-09', '02-16', '02-23', '03-02'].map((d, i) => [`2026-${d}`, utcDay(day(1, 18) + i * 7 * DAY_MS)]),
    );
    expect(use.weeks.every((w) => new Date(w.monday).getUTCDay() === 1 && new Date(w.sunday).getUTCDay() === 0)).toBe(true);
    // E-1 was worked on Friday Feb 20; E-2 (Tuesday Feb 24) was reversed.
    expect(use.weeks.map((w) => w.minutes)).toEqual([0, 0, 0, 0, 0, 90, 0, 0]);
    expect(use.weeks.map((w) => w.current)).toEqual([false, false, false, false, false, false, false, true]);
    expect([use.from, use.to, use.totalMinutes, use.beforeMinutes, use.afterMinutes]).toEqual(['2026-01-12', '2026-03-08', 90, 0, 0]);
  });

  it("puts work in the week of its day in the workbook's zone, not in UTC", () => {
    // Sunday 23:30 UTC is Monday 00:30 in Brussels (UTC+1 in March).
    const log = logRows(row('Deduction', 'Acme', -60, { at: NOW, workDate: Date.UTC(2026, 2, 1, 23, 30), entryId: 'E-late' }));
    const brussels = (time: number) => utcDay(time + 3_600_000);
    const inZone = buildClientReport({ dayOf: brussels, client: aClient(), log, now: NOW, view: VIEW }).usePerWeek;
    expect(inZone.weeks.map((w) => w.minutes)).toEqual([0, 0, 0, 0, 0, 0, 0, 60]);
    const inUtc = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, view: VIEW }).usePerWeek;
    expect(inUtc.weeks.map((w) => w.minutes)).toEqual([0, 0, 0, 0, 0, 0, 60, 0]);
  });

  it("ends the weeks with the week of the period's last day, and counts work outside them before or after", () => {
    const log = logRows(
      row('Deduction', 'Acme', -30, { at: day(2, 3), workDate: day(1, 2), entryId: 'E-old' }),
      row('Deduction', 'Acme', -45, { at: day(2, 4), workDate: day(2, 4), entryId: 'E-in' }),
      row('Deduction', 'Acme', -15, { at: day(2, 5), workDate: day(2, 20), entryId: 'E-ahead' }),
    );
    const r = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, period: { from: day(2, 1), to: day(2, 8) }, view: VIEW });
    const use = r.usePerWeek;
    expect([use.from, use.to]).toEqual(['2025-12-15', '2026-02-08']);
    expect(use.weeks.some((w) => w.current)).toBe(false);
    expect([use.beforeMinutes, use.totalMinutes, use.afterMinutes]).toEqual([0, 75, 15]);
    expect(use.beforeMinutes + use.totalMinutes + use.afterMinutes).toBe(r.usedMinutes);
  });
});

describe('buildClientReport: isolation by exact client name', () => {
  it.each(['Acme Labs', 'acme', 'ACME', 'Acme ', 'Acme"', "O'Brien & Co"])("a client named %j sees none of Acme's rows", (other) => {
    const log = [...mixedLog(), ...logRows(row('Top-up', other, 60, { at: day(2, 1), description: `for ${other}` }))];
    const acme = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, view: VIEW });
    expect(acme.lines.every((l) => !l.description.startsWith('for '))).toBe(true);
    const theirs = buildClientReport({ dayOf: utcDay, client: aClient({ name: other }), log, now: NOW, view: VIEW });
    const expected = log.filter((r) => r.client === other).map((r) => r.minutes);
    expect(theirs.lines.map((l) => l.minutes)).toEqual(expected);
  });
});

describe('buildClientReport: what Settings hide', () => {
  const log = mixedLog();

  it('hides descriptions of work and top-up notes, but keeps the reasons for reversals and adjustments', () => {
    const r = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, view: { person: 'name', showDescriptions: false } });
    expect(r.lines.map((l) => l.description)).toEqual(['', '', '', 'Wrong client', 'Travel time agreed', '']);
  });

  it('shows the person as a name, as typed, or not at all', () => {
    const people = (person: ClientLogView['person']) =>
      buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, view: { person, showDescriptions: true } }).lines[1].person;
    expect(people('name')).toBe('Ann Lee');
    expect(people('email')).toBe('ann.lee@agency.example');
    expect(people('hidden')).toBe('');
  });

  it('turns emails into names', () => {
    expect(personForClient('jane_doe@x.com', 'name')).toBe('Jane Doe');
    expect(personForClient('"Jane Doe" <jane@x.com>', 'name')).toBe('Jane Doe');
    expect(personForClient('Jane (jane@x.com)', 'name')).toBe('Jane (Jane)');
    expect(personForClient('Jane', 'name')).toBe('Jane');
  });
});

describe('buildClientReport: a period', () => {
  it('carries the balance at the period start in as the first row', () => {
    const log = mixedLog();
    const from = day(2, 22);
    const r = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, period: { from, to: day(2, 27) }, view: VIEW });
    expect(r.lines[0]).toMatchObject({ kind: 'Opening balance', at: from, minutes: 510, balanceMinutes: 510 });
    expect(r.lines.slice(1).map((l) => l.kind)).toEqual(['Deduction', 'Reversal']);
    expect(r.openingMinutes).toBe(510);
    expect(r.usedMinutes).toBe(0);
    expect(r.closingMinutes).toBe(510);
    expect(r.balanceMinutes).toBe(780);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => buildClientReport({ dayOf: utcDay, client: aClient(), log: [], now: NOW, period: { from: day(2, 2), to: day(2, 1) }, view: VIEW })).toThrow(
      /ends before it starts/,
    );
  });

  it('opening balance equals the log balance at the period start, the figures add up, and so does the use per week (property)', () => {
    const kinds = ['Top-up', 'Deduction', 'Reversal', 'Adjustment'] as const;
    const drafts = fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        minutes: fc.integer({ min: 1, max: 900 }),
        dayN: fc.integer({ min: 0, max: 60 }),
        workedDaysEarlier: fc.integer({ min: 0, max: 90 }),
        other: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(drafts, fc.integer({ min: 0, max: 61 }), fc.integer({ min: 1, max: 30 }), (ds, fromDay, length) => {
        const sorted = [...ds].sort((a, b) => a.dayN - b.dayN);
        const log = logRows(
          ...sorted.map((d) =>
            row(d.kind, d.other ? 'Acme Labs' : 'Acme', d.kind === 'Deduction' || (d.kind === 'Adjustment' && d.minutes % 2) ? -d.minutes : d.minutes, {
              at: day(1, 1) + d.dayN * DAY_MS,
              workDate: day(1, 1) + (d.dayN - d.workedDaysEarlier) * DAY_MS,
            }),
          ),
        );
        const from = day(1, 1) + fromDay * DAY_MS;
        const r = buildClientReport({ dayOf: utcDay, client: aClient(), log, now: NOW, period: { from, to: from + length * DAY_MS }, view: VIEW });
        const before = log.filter((x) => x.client === 'Acme' && x.at < from);
        const expectedOpening = before.length ? before[before.length - 1].balanceAfterMinutes : 0;
        expect(r.openingMinutes).toBe(expectedOpening);
        expect(r.openingMinutes + r.purchasedMinutes - r.usedMinutes + r.adjustedMinutes).toBe(r.closingMinutes);
        const inPeriod = log.filter((x) => x.client === 'Acme' && x.at >= from && x.at < from + length * DAY_MS);
        expect(r.lines.slice(1).map((l) => l.balanceMinutes)).toEqual(inPeriod.map((x) => x.balanceAfterMinutes));
        const use = r.usePerWeek;
        expect(use.beforeMinutes + use.totalMinutes + use.afterMinutes).toBe(r.usedMinutes);
      }),
      { numRuns: 200 },
    );
  });
});

describe('forecastRunOut', () => {
  const deduction = (minutes: number, workDate: number) => row('Deduction', 'Acme', -minutes, { at: workDate, workDate, entryId: `E-${workDate}` });

  it('steady use: one hour every day for eight weeks runs out when the hours left are used at that rate', () => {
    const days = Array.from({ length: 57 }, (_, i) => day(1, 5) + i * DAY_MS); // Jan 5 … Mar 2
    const log = logRows(row('Top-up', 'Acme', 6000, { at: day(1, 1) }), ...days.map((d) => deduction(60, d)));
    const balance = 6000 - 57 * 60; // 2580 minutes = 43 days at 60 min a day
    const f = forecastRunOut(log, balance, NOW);
    expect(f.status).toBe('date');
    expect(f.minutesPerWeek).toBe(420);
    expect(f.date).toBe(NOW + 43 * DAY_MS);
    expect(f.method).toBe('The average use over the last 28 days (7.00 h per week), applied to the 43.00 h left.');
    // ISO weeks: Jan 12 … Mar 1 are seven full weeks; Mar 2 opens the eighth; Jan 5 … 11 comes before.
    const weeks = usePerWeek(log, utcDay(NOW), utcDay(NOW), utcDay);
    expect(weeks.weeks.map((w) => w.minutes)).toEqual([420, 420, 420, 420, 420, 420, 420, 60]);
    expect([weeks.beforeMinutes, weeks.totalMinutes, weeks.afterMinutes]).toEqual([420, 3000, 0]);
  });

  it('bursty use: two big days inside the window and one outside it average over the window', () => {
    const log = logRows(row('Top-up', 'Acme', 2400, { at: day(1, 1) }), deduction(240, day(1, 10)), deduction(600, day(2, 9)), deduction(360, day(2, 20)));
    const f = forecastRunOut(log, 1200, NOW);
    // 960 min over 28 days = 240 min a week; 1200 min left lasts 1200 / 960 × 28 = 35 days.
    expect(f).toMatchObject({ status: 'date', minutesPerWeek: 240, date: NOW + 35 * DAY_MS });
  });

  it('a short history uses the days since use began as its window', () => {
    const log = logRows(deduction(420, NOW - 21 * DAY_MS), deduction(420, NOW - 7 * DAY_MS));
    const f = forecastRunOut(log, 840, NOW);
    expect(f).toMatchObject({ status: 'date', minutesPerWeek: 280, date: NOW + 21 * DAY_MS });
    expect(f.method).toContain('last 21 days');
  });

  it('zero use in the window gives no date', () => {
    const log = logRows(deduction(60, day(1, 5)), deduction(60, day(1, 12)));
    expect(forecastRunOut(log, 600, NOW)).toMatchObject({ status: 'no-recent-use', date: null, minutesPerWeek: 0 });
  });

  it("a reversal that cancels the window's use counts as zero use", () => {
    const log = logRows(deduction(60, day(1, 5)), deduction(60, day(2, 20)), row('Reversal', 'Acme', 60, { at: day(2, 21), workDate: day(2, 20) }));
    expect(forecastRunOut(log, 600, NOW).status).toBe('no-recent-use');
  });

  it.each([
    ['no use at all', [] as number[]],
    ['use on one day only', [day(2, 1)]],
    ['less than 14 days of history', [day(2, 20), day(2, 25)]],
  ])('not enough data: %s', (_label, dates) => {
    const f = forecastRunOut(logRows(...dates.map((d) => deduction(60, d))), 600, NOW);
    expect(f).toMatchObject({ status: 'not-enough-data', date: null });
    expect(f.method).toMatch(/^Not enough data/);
  });

  it('a balance at or below zero has already run out', () => {
    expect(forecastRunOut([], 0, NOW).status).toBe('exhausted');
    expect(forecastRunOut([], -30, NOW).method).toContain('-0.50 h');
  });
});
