import { createEmulator } from '..';

describe('the Date global follows the emulated clock and the script time zone', () => {
  const tokyo = createEmulator({ timeZone: 'Asia/Tokyo', now: new Date('2026-01-04T20:30:00Z') }).globals.Date as DateConstructor;
  const brussels = createEmulator({ timeZone: 'Europe/Brussels' }).globals.Date as DateConstructor;

  it('reads local fields in the script time zone', () => {
    const now = new tokyo();
    expect([now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getDay()]).toEqual([2026, 0, 5, 5, 30, 1]);
    expect(now.getTimezoneOffset()).toBe(-540);
    expect(now.toString()).toBe('Mon Jan 05 2026 05:30:00 GMT+0900 (Japan Standard Time)');
  });

  it('builds dates from local fields in the script time zone, across DST changes', () => {
    expect(new tokyo(2026, 0, 5).toISOString()).toBe('2026-01-04T15:00:00.000Z');
    expect(new brussels(2026, 2, 29, 12).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(new brussels(2026, 0, 5, 12).toISOString()).toBe('2026-01-05T11:00:00.000Z');
    expect(new brussels('2026-07-01T08:00:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(new brussels('2026-07-01').toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('sets local fields in the script time zone', () => {
    const d = new brussels(Date.UTC(2026, 5, 15, 21, 30));
    d.setHours(0, 0, 0, 0);
    expect(d.toISOString()).toBe('2026-06-14T22:00:00.000Z');
    d.setDate(d.getDate() + 1);
    expect(d.toISOString()).toBe('2026-06-15T22:00:00.000Z');
    d.setMonth(0);
    expect(d.toISOString()).toBe('2026-01-15T23:00:00.000Z');
  });

  it('keeps invalid dates invalid', () => {
    const bad = new brussels('not a date');
    expect(Number.isNaN(bad.getHours())).toBe(true);
    expect(bad.toString()).toBe('Invalid Date');
  });
});
