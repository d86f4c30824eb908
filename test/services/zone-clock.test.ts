/**
 * The time-zone formatter gives what Utilities.formatDate gives, for the patterns the
 * add-on uses, across a DST change and for an 1899 historic offset, and falls back for
 * anything else.
 */
import { zoneFormatter } from '../../src/services/zone-clock';

const fallback = jest.fn((time: number, pattern: string) => `fallback ${time} ${pattern}`);

describe('zoneFormatter', () => {
  const brussels = zoneFormatter('Europe/Brussels', fallback);

  it('formats wall-clock fields in the zone, summer and winter', () => {
    expect(brussels(Date.UTC(2026, 2, 28, 23, 30), 'yyyy-MM-dd HH:mm')).toBe('2026-03-29 00:30');
    expect(brussels(Date.UTC(2026, 2, 29, 1, 30), 'yyyy-MM-dd HH:mm')).toBe('2026-03-29 03:30');
    expect(brussels(Date.UTC(2026, 11, 31, 23, 0, 5), "yyyy-MM-dd'T'HH:mm:ss")).toBe('2027-01-01T00:00:05');
    expect(brussels(Date.UTC(2026, 0, 1, 12), 'yyyy')).toBe('2026');
    expect(brussels(Date.UTC(2026, 0, 1, 12), 'yyyy-MM-dd HHmm')).toBe('2026-01-01 1300');
  });

  it('keeps the seconds of a historic offset (Madras time, +05:21:10 in 1899)', () => {
    const kolkata = zoneFormatter('Asia/Kolkata', fallback);
    expect(kolkata(Date.UTC(1899, 11, 30, 0, 0, 0), "yyyy-MM-dd'T'HH:mm:ss")).toBe('1899-12-30T05:21:10');
  });

  it('falls back to Utilities.formatDate for other patterns and unknown zones', () => {
    expect(brussels(0, 'EEE, d MMM')).toBe('fallback 0 EEE, d MMM');
    expect(zoneFormatter('Not/AZone', fallback)(0, 'yyyy')).toBe('fallback 0 yyyy');
  });
});
