/**
 * Exact quantities: what people type into an hours cell, and how minutes and cents are
 * shown. Every expected value below is worked out by hand in the comment beside it.
 */
import * as vm from 'node:vm';
import fc from 'fast-check';
import {
  amountCents,
  entryTooLong,
  formatHours,
  formatMoney,
  hoursToMinutes,
  minutesToHours,
  parseHours,
  parseMoney,
  parseSignedHours,
} from '../../src/core/quantities';

/** 1899-12-30 00:00 UTC, the instant a duration cell of 0:00 stands for in a UTC sheet. */
const UTC_EPOCH = Date.UTC(1899, 11, 30);
/** New York was on EST (-05:00) in 1899, so its 0:00 is five hours later in UTC. */
const NEW_YORK_EPOCH = Date.UTC(1899, 11, 30, 5, 0);
/** Amsterdam kept local mean time (+00:19:32) in 1899: an offset with seconds. */
const AMSTERDAM_EPOCH = Date.UTC(1899, 11, 29, 23, 40, 28);

function minutesOf(value: unknown, epoch?: number): number {
  const parsed = parseHours(value, epoch);
  if (!parsed.ok) throw new Error(`expected ${String(value)} to parse, got: ${parsed.refusal.message}`);
  return parsed.value;
}

function reasonOf(value: unknown, epoch?: number): string {
  const parsed = parseHours(value, epoch);
  if (parsed.ok) throw new Error(`expected ${String(value)} to be refused, got ${parsed.value} minutes`);
  return parsed.refusal.message;
}

describe('parseHours', () => {
  describe('numbers of hours', () => {
    it.each([
      [0, 0],
      [1, 60],
      [1.5, 90], // 1.5 × 60
      [0.25, 15],
      [2.75, 165], // 2 × 60 + 45
      [0.1, 6], // a tenth of an hour
      [1 / 3, 20],
      [1 / 60, 1], // one minute, despite 1/60 not being exact in binary
      [0.01, 1], // 0.6 min rounds to the nearest minute
      [0.008, 0], // 0.48 min rounds down
      [8784, 527040], // 366 days, the largest plausible entry
    ])('%p h -> %p min', (hours, minutes) => {
      expect(minutesOf(hours)).toBe(minutes);
    });

    it('refuses negatives, saying they are negative', () => {
      expect(reasonOf(-1)).toMatch(/negative/);
      expect(reasonOf(-0.25)).toMatch(/negative/);
    });

    it.each([NaN, Infinity, -Infinity])('refuses %p as not a number', (value) => {
      expect(reasonOf(value)).toMatch(/not a number/);
    });

    it.each([8784.5, 1e6, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE])('refuses the huge value %p', (value) => {
      expect(reasonOf(value)).toMatch(/implausibly large/);
    });
  });

  describe('text', () => {
    it.each([
      ['1:30', 90],
      ['0:45', 45],
      ['10:05', 605],
      ['1:30:00', 90],
      ['1:30:29', 90], // 29 s round down to the minute
      ['1:30:30', 91], // 30 s round up
      ['1h30', 90],
      ['1h 30m', 90],
      ['1H30', 90],
      ['1h', 60],
      ['2 h', 120],
      ['1.5h', 90],
      ['90m', 90],
      ['90 min', 90],
      ['45M', 45],
      ['1.5', 90],
      ['1,5', 90], // decimal comma
      ['.5', 30],
      [',25', 15],
      ['0', 0],
      ['  2  ', 120], // surrounding space is ignored
      ['\t0:15\n', 15],
    ])('%p -> %p min', (text, minutes) => {
      expect(minutesOf(text)).toBe(minutes);
    });

    it.each(['', ' ', '   \t '])('refuses the blank %p as missing', (text) => {
      expect(reasonOf(text)).toMatch(/missing/);
    });

    it.each(['-1', '-1:30', ' -0.5', '-90m'])('refuses %p as negative', (text) => {
      expect(reasonOf(text)).toMatch(/negative/);
    });

    it.each(['abc', 'one hour', '1 hour', '1.5.5', '1:60', 'h30', '1e3', '1:30 pm', '+2', '1..5', 'NaN'])('refuses %p and says which formats work', (text) => {
      const reason = reasonOf(text);
      expect(reason).toContain(`"${text}"`);
      expect(reason).toMatch(/1\.5, 1:30, 1h30 or 90m/);
    });

    it('refuses text that spells a huge number of hours', () => {
      expect(reasonOf('100000')).toMatch(/implausibly large/);
      expect(reasonOf('9000:00')).toMatch(/implausibly large/);
    });
  });

  describe('duration cells (Dates counted from 1899-12-30)', () => {
    it('reads a duration in a UTC sheet', () => {
      expect(minutesOf(new Date(Date.UTC(1899, 11, 30, 1, 30)))).toBe(90);
      expect(minutesOf(new Date(UTC_EPOCH))).toBe(0);
    });

    it('reads durations longer than a day', () => {
      // 25:30 is one day and 1:30 after the epoch: 24 × 60 + 90
      expect(minutesOf(new Date(Date.UTC(1899, 11, 31, 1, 30)))).toBe(1530);
    });

    it('counts from the epoch it is given, for a sheet in New York', () => {
      // 1:30 in New York (-05:00) is 06:30 UTC.
      const cell = new Date(Date.UTC(1899, 11, 30, 6, 30));
      expect(minutesOf(cell, NEW_YORK_EPOCH)).toBe(90);
      // Counted from the UTC epoch, the same instant would be 6:30 — the zone matters.
      expect(minutesOf(cell)).toBe(390);
    });

    it('counts from an epoch whose offset has seconds (Amsterdam, +00:19:32)', () => {
      const cell = new Date(AMSTERDAM_EPOCH + 90 * 60_000);
      expect(minutesOf(cell, AMSTERDAM_EPOCH)).toBe(90);
    });

    it('reads a Date made in another realm (as gas-local hands them over)', () => {
      const foreign = vm.runInNewContext('new Date(Date.UTC(1899, 11, 30, 2, 15))') as unknown;
      expect(foreign instanceof Date).toBe(false);
      expect(minutesOf(foreign)).toBe(135);
    });

    it('refuses a calendar date, a time before the epoch, and an invalid Date', () => {
      expect(reasonOf(new Date(Date.UTC(2026, 0, 5)))).toMatch(/date, not a duration/);
      expect(reasonOf(new Date(UTC_EPOCH - 60_000))).toMatch(/date, not a duration/);
      expect(reasonOf(new Date(NaN))).toMatch(/date, not a duration/);
    });
  });

  describe('other values', () => {
    it.each([null, undefined])('refuses %p as missing', (value) => {
      expect(reasonOf(value)).toMatch(/missing/);
    });

    it.each([true, false, {}, [1.5], 1n])('refuses %p as not a number', (value) => {
      expect(reasonOf(value)).toMatch(/not a number/);
    });
  });

  it('parses any whole number of minutes written as h:mm, XhYY, Nm and decimal hours alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 60 }), (total) => {
        const h = Math.floor(total / 60);
        const m = total % 60;
        const mm = String(m).padStart(2, '0');
        expect(minutesOf(`${h}:${mm}`)).toBe(total);
        expect(minutesOf(`${h}h${mm}`)).toBe(total);
        expect(minutesOf(`${total}m`)).toBe(total);
        expect(minutesOf(total / 60)).toBe(total);
        expect(minutesOf(String(total / 60))).toBe(total);
        expect(minutesOf(new Date(UTC_EPOCH + total * 60_000))).toBe(total);
        expect(minutesOf(new Date(NEW_YORK_EPOCH + total * 60_000), NEW_YORK_EPOCH)).toBe(total);
      }),
    );
  });
});

describe('parseSignedHours', () => {
  it.each([
    ['-2', -120],
    ['-1:30', -90],
    [' - 1h30 ', -90],
    [2.5, 150],
    [-0.5, -30],
    ['3', 180],
    ['15m', 15],
  ])('%p -> %p min', (value, minutes) => {
    expect(parseSignedHours(value)).toEqual({ ok: true, value: minutes });
  });

  it.each([0, '0', '0:00', '-0', -0.001])('refuses the zero amount %p', (value) => {
    const parsed = parseSignedHours(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal.message).toMatch(/zero/);
  });

  it.each([
    ['', /missing/],
    ['abc', /not a number/],
    [NaN, /not a number/],
    [-Infinity, /not a number/],
    [true, /not a number/],
    ['--2', /negative/],
    [-1e6, /implausibly large/],
  ])('refuses %p', (value, reason) => {
    const parsed = parseSignedHours(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal.message).toMatch(reason);
  });
});

describe('formatHours', () => {
  it.each([
    [0, '0.00'],
    [75, '1.25'], // 75 / 60 = 1.25
    [10, '0.17'], // 0.1666… rounds up
    [1, '0.02'], // 0.01666…
    [59, '0.98'], // 0.98333…
    [60, '1.00'],
    [90, '1.50'],
    [119, '1.98'], // 1.98333…
    [6000, '100.00'],
    [527040, '8784.00'],
    [-90, '-1.50'],
    [-10, '-0.17'],
    [-75, '-1.25'],
    [-1, '-0.02'],
  ])('%p min -> %p', (minutes, text) => {
    expect(formatHours(minutes)).toBe(text);
  });

  it('is within half a hundredth of the exact hours, and symmetric in sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (minutes) => {
        const text = formatHours(minutes);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(Math.abs(Number(text) * 60 - minutes)).toBeLessThanOrEqual(0.3 + 1e-9); // 0.005 h = 0.3 min
        if (minutes > 0) expect(formatHours(-minutes)).toBe(`-${text}`);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [12345, 'EUR', 'EUR 123.45'],
    [5, 'USD', 'USD 0.05'],
    [0, 'EUR', 'EUR 0.00'],
    [100, 'GBP', 'GBP 1.00'],
    [-12345, 'EUR', 'EUR -123.45'],
    [123456789, 'EUR', 'EUR 1,234,567.89'],
    [100000, '', '1,000.00'],
    [99999, '', '999.99'],
    [-100000000, 'USD', 'USD -1,000,000.00'],
  ])('%p cents in %p -> %p', (cents, currency, text) => {
    expect(formatMoney(cents, currency)).toBe(text);
  });
});

describe('amountCents', () => {
  it.each([
    [10, 8500, 1417], // 85.00 × 10/60 = 14.1666… -> 14.17
    [60, 8500, 8500],
    [90, 8500, 12750], // 1.5 h × 85.00
    [45, 9999, 7499], // 99.99 × 0.75 = 74.9925 -> 74.99
    [1, 100, 2], // 1.666… cents
    [30, 1, 1], // exactly half a cent rounds up
    [90, 3, 5], // 4.5 cents rounds up
    [0, 8500, 0],
    [527040, 15000, 131760000], // 8784 h × 150.00
  ])('%p min at %p cents/h -> %p cents', (minutes, rate, cents) => {
    expect(amountCents(minutes, rate)).toBe(cents);
  });

  it('is exact for whole hours and never more than half a cent off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 1_000_000 }), (minutes, rate) => {
        const cents = amountCents(minutes, rate);
        expect(Number.isInteger(cents)).toBe(true);
        // |cents − minutes × rate / 60| ≤ ½, in integers: |60 × cents − minutes × rate| ≤ 30
        expect(Math.abs(60 * cents - minutes * rate)).toBeLessThanOrEqual(30);
        if (minutes % 60 === 0) expect(cents).toBe((minutes / 60) * rate);
      }),
    );
  });
});

describe('minutesToHours / hoursToMinutes', () => {
  it('round-trips every whole number of minutes exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (minutes) => {
        expect(hoursToMinutes(minutesToHours(minutes))).toBe(minutes);
      }),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    [85, 8500],
    [85.5, 8550],
    [19.99, 1999], // 19.99 × 100 is 1998.999… in binary
    [0.1 + 0.2, 30],
    [0, 0],
    ['85', 8500],
    ['85.50', 8550],
    [' 85.5 ', 8550],
    ['1,250.00', 125000],
    ['1,234,567.89', 123456789],
    ['-12.34', -1234],
  ])('%p -> %p cents', (value, cents) => {
    expect(parseMoney(value)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ['', /missing/],
    ['   ', /missing/],
    [null, /missing/],
    ['abc', /not an amount/],
    ['EUR 85', /not an amount/],
    ['1.2.3', /not an amount/],
    [NaN, /not an amount/],
    [Infinity, /not an amount/],
  ])('refuses %p', (value, reason) => {
    const parsed = parseMoney(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.refusal.message).toMatch(reason);
  });

  it.each(['85,50', '1,5', '1,25', '12,3456'])('refuses %p rather than read a decimal comma as a thousands separator', (value) => {
    // "85,50" is 85.50 to a European; dropping the comma would bill 8,550.00 an hour.
    expect(parseMoney(value).ok).toBe(false);
  });
});

describe('parseHours with an h', () => {
  it('reads whole hours with minutes below 60, and decimal hours, and refuses the rest', () => {
    expect(parseHours('1h45')).toEqual({ ok: true, value: 105 });
    expect(parseHours('1.5h')).toEqual({ ok: true, value: 90 });
    expect(parseHours('2 h 5m')).toEqual({ ok: true, value: 125 });
    expect(parseHours('1h75').ok).toBe(false);
    expect(parseHours('1.5h30').ok).toBe(false);
  });
});

describe('entryTooLong', () => {
  it('allows up to 24 h in one entry and refuses more, saying why', () => {
    expect(entryTooLong(0)).toBeNull();
    expect(entryTooLong(24 * 60)).toBeNull();
    expect(entryTooLong(24 * 60 + 1)).toBe("24.02 h is more than 24 h in one entry. Log each day's work as an entry of its own.");
    expect(entryTooLong(500 * 60)).toMatch(/^500\.00 h is more than 24 h/);
  });
});
