import fc from 'fast-check';
import { buildClientReport, DAY_MS, forecastRunOut, personForClient, weeklyUse, type ClientLogView } from '../../src/core/client-report';
import type { LogRow } from '../../src/core/types';
import { aClient, logRows, NOW, row } from '../../harness/builders';

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
  const report = buildClientReport({ client: aClient({ minimumMinutes: 120 }), log: mixedLog(), now: NOW, view: VIEW });

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

  it('shows deductions with their date, person, description, raw hours and Entry ID; top-ups with their invoice', () => {
    expect(report.lines[1]).toEqual({
      at: day(2, 21),
      kind: 'Deduction',
      workDate: day(2, 20),
      person: 'Ann Lee',
      description: 'Design',
      rawMinutes: 80,
      minutes: -90,
      balanceMinutes: 510,
      reference: 'E-1',
    });
    expect(report.lines[0].reference).toBe('INV-2026-0001');
    expect(report.lines[4].reference).toBe('');
    expect(report.lines[3].reference).toBe('E-2'); // not the internal Log ID the reversal points at
  });

  it('counts use per rolling week by the date the work was done', () => {
    // NOW is 2026-03-02 09:30: the last week holds Feb 24 … Mar 2, the one before Feb 17 … Feb 23.
    expect(report.weeks).toHaveLength(8);
    expect(report.weeks.map((w) => w.minutes)).toEqual([0, 0, 0, 0, 0, 0, 90, 0]);
    expect(report.weeks[7].to).toBe(NOW);
    expect(report.weeks[0].from).toBe(NOW - 56 * DAY_MS);
  });
});

describe('buildClientReport: isolation by exact client name', () => {
  it.each(['Acme Labs', 'acme', 'ACME', 'Acme ', 'Acme"', "O'Brien & Co"])("a client named %j sees none of Acme's rows", (other) => {
    const log = [...mixedLog(), ...logRows(row('Top-up', other, 60, { at: day(2, 1), description: `for ${other}` }))];
    const acme = buildClientReport({ client: aClient(), log, now: NOW, view: VIEW });
    expect(acme.lines.every((l) => !l.description.startsWith('for '))).toBe(true);
    const theirs = buildClientReport({ client: aClient({ name: other }), log, now: NOW, view: VIEW });
    const expected = log.filter((r) => r.client === other).map((r) => r.minutes);
    expect(theirs.lines.map((l) => l.minutes)).toEqual(expected);
  });
});

describe('buildClientReport: what Settings hide', () => {
  const log = mixedLog();

  it('hides descriptions of work and top-up notes, but keeps the reasons for reversals and adjustments', () => {
    const r = buildClientReport({ client: aClient(), log, now: NOW, view: { person: 'name', showDescriptions: false } });
    expect(r.lines.map((l) => l.description)).toEqual(['', '', '', 'Wrong client', 'Travel time agreed', '']);
  });

  it('shows the person as a name, as typed, or not at all', () => {
    const people = (person: ClientLogView['person']) =>
      buildClientReport({ client: aClient(), log, now: NOW, view: { person, showDescriptions: true } }).lines[1].person;
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
    const r = buildClientReport({ client: aClient(), log, now: NOW, period: { from, to: day(2, 27) }, view: VIEW });
    expect(r.lines[0]).toMatchObject({ kind: 'Opening balance', at: from, minutes: 510, balanceMinutes: 510 });
    expect(r.lines.slice(1).map((l) => l.kind)).toEqual(['Deduction', 'Reversal']);
    expect(r.openingMinutes).toBe(510);
    expect(r.usedMinutes).toBe(0);
    expect(r.closingMinutes).toBe(510);
    expect(r.balanceMinutes).toBe(780);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => buildClientReport({ client: aClient(), log: [], now: NOW, period: { from: day(2, 2), to: day(2, 1) }, view: VIEW })).toThrow(
      /ends before it starts/,
    );
  });

  it('opening balance equals the log balance at the period start, and the figures add up (property)', () => {
    const kinds = ['Top-up', 'Deduction', 'Reversal', 'Adjustment'] as const;
    const drafts = fc.array(
      fc.record({ kind: fc.constantFrom(...kinds), minutes: fc.integer({ min: 1, max: 900 }), dayN: fc.integer({ min: 0, max: 60 }), other: fc.boolean() }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(drafts, fc.integer({ min: 0, max: 61 }), fc.integer({ min: 1, max: 30 }), (ds, fromDay, length) => {
        const sorted = [...ds].sort((a, b) => a.dayN - b.dayN);
        const log = logRows(
          ...sorted.map((d) =>
            row(d.kind, d.other ? 'Acme Labs' : 'Acme', d.kind === 'Deduction' || (d.kind === 'Adjustment' && d.minutes % 2) ? -d.minutes : d.minutes, {
              at: day(1, 1) + d.dayN * DAY_MS,
            }),
          ),
        );
        const from = day(1, 1) + fromDay * DAY_MS;
        const r = buildClientReport({ client: aClient(), log, now: NOW, period: { from, to: from + length * DAY_MS }, view: VIEW });
        const before = log.filter((x) => x.client === 'Acme' && x.at < from);
        const expectedOpening = before.length ? before[before.length - 1].balanceAfterMinutes : 0;
        expect(r.openingMinutes).toBe(expectedOpening);
        expect(r.openingMinutes + r.purchasedMinutes - r.usedMinutes + r.adjustedMinutes).toBe(r.closingMinutes);
        const inPeriod = log.filter((x) => x.client === 'Acme' && x.at >= from && x.at < from + length * DAY_MS);
        expect(r.lines.slice(1).map((l) => l.balanceMinutes)).toEqual(inPeriod.map((x) => x.balanceAfterMinutes));
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
    expect(weeklyUse(log, NOW).map((w) => w.minutes)).toEqual([420, 420, 420, 420, 420, 420, 420, 420]);
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
