/**
 * Invoice numbers: the counter is the last run of zeros, date tokens come from the
 * invoice date, and the next number follows the highest one already used for that date.
 */
import { nextInvoiceNumber } from '../../src/core/invoice-number';

const MARCH_2026 = { year: 2026, month: 3 };

describe('nextInvoiceNumber', () => {
  it('starts at 1, padded to the counter width', () => {
    expect(nextInvoiceNumber('INV-{yyyy}-{0000}', MARCH_2026, [])).toBe('INV-2026-0001');
  });

  it('follows the highest number of the same year, not the last row or the count', () => {
    const existing = ['INV-2026-0002', 'INV-2026-0007', 'INV-2026-0003'];
    expect(nextInvoiceNumber('INV-{yyyy}-{0000}', MARCH_2026, existing)).toBe('INV-2026-0008');
  });

  it('restarts each year when the pattern has the year', () => {
    expect(nextInvoiceNumber('INV-{yyyy}-{0000}', MARCH_2026, ['INV-2025-0041'])).toBe('INV-2026-0001');
  });

  it('runs on across years without a year in the pattern', () => {
    expect(nextInvoiceNumber('PT{000}', MARCH_2026, ['PT041', 'PT007'])).toBe('PT042');
  });

  it('fills {yy} and {mm}, case-insensitively', () => {
    expect(nextInvoiceNumber('{YY}{mm}/{00}', MARCH_2026, ['2603/04', '2602/09'])).toBe('2603/05');
  });

  it('ignores numbers typed by hand in another format, and surrounding spaces', () => {
    expect(nextInvoiceNumber('INV-{yyyy}-{0000}', MARCH_2026, ['Manual 12', ' INV-2026-0004 ', 'INV-2026-0004b', 'inv-2026-0099'])).toBe('INV-2026-0005');
  });

  it('grows past the padding instead of wrapping', () => {
    expect(nextInvoiceNumber('N{00}', MARCH_2026, ['N99'])).toBe('N100');
    expect(nextInvoiceNumber('N{00}', MARCH_2026, ['N100'])).toBe('N101');
  });

  it('uses only the last run of zeros as the counter', () => {
    expect(nextInvoiceNumber('{00}-{000}', MARCH_2026, ['{00}-004'])).toBe('{00}-005');
  });

  it('treats pattern text as literal, not as a regular expression', () => {
    expect(nextInvoiceNumber('A.B+{0}', MARCH_2026, ['AxB+5', 'A.B+2'])).toBe('A.B+3');
  });

  it('refuses a pattern without a counter with advice', () => {
    expect(() => nextInvoiceNumber('INV-{yyyy}', MARCH_2026, [])).toThrow(/no counter.*\{0000\}/);
  });
});
