/**
 * Service calls must not grow with the number of rows: every operation the bench
 * measures, and archiving, runs on workbooks of 500 and 5,000 entries (the bench's own
 * generator, same clients, the newest fifth open in both, so both have the same recent
 * weeks of use) and must make the same calls, method by method. Counts, not timings, so
 * the test is exact and stable; the speed targets live in `npm run bench`.
 */
import { OPERATIONS } from '../../harness/bench/operations';
import { generateWorkbook, loadWorkbook, type WorkbookSpec } from '../../harness/bench/workbook';

const SMALL = 500;
const LARGE = 5_000;
const CLIENTS = 15;
/**
 * Growing a sheet past its last row adds these calls once per sheet appended to, whatever
 * the number of rows (archiving two years appends to four sheets).
 */
const GROW_CALLS = new Set(['Sheet.getMaxRows', 'Sheet.insertRowsAfter']);
const SHEETS_GROWN = 4;

function spec(entries: number, years: number): WorkbookSpec {
  const to = Date.UTC(2026, 10, 30);
  return { entries, clients: CLIENTS, open: entries / 5, from: to - years * 364 * 86_400_000, to };
}

/** Per-method calls that differ between the two runs, beyond one sheet-growing step. */
function growth(small: Record<string, number>, large: Record<string, number>): Record<string, string> {
  const diff: Record<string, string> = {};
  for (const method of new Set([...Object.keys(small), ...Object.keys(large)])) {
    const [a, b] = [small[method] ?? 0, large[method] ?? 0];
    if (a !== b && !(GROW_CALLS.has(method) && Math.abs(a - b) <= SHEETS_GROWN)) diff[method] = `${a} → ${b}`;
  }
  return diff;
}

describe('service calls do not grow with the rows', () => {
  const small = generateWorkbook(spec(SMALL, 1));
  const large = generateWorkbook(spec(LARGE, 1));

  for (const op of OPERATIONS.filter((o) => o.fits(small) && o.fits(large))) {
    const name = op.label.split(' ')[0];
    it(`${op.label}: the same calls at ${SMALL} and ${LARGE} entries`, () => {
      const calls = [small, large].map((data) => {
        const addon = loadWorkbook(data);
        expect(op.run(addon.server, data)).toBe('');
        return addon.emu.calls.snapshot();
      });
      expect({ name, growth: growth(calls[0], calls[1]) }).toEqual({ name, growth: {} });
    });
  }

  it(`archiveBefore: the same calls moving a year of ${SMALL / 2} or of ${LARGE / 2} entries`, () => {
    const calls = [SMALL, LARGE].map((entries) => {
      const addon = loadWorkbook(generateWorkbook(spec(entries, 2)));
      expect(addon.server.archiveBefore('2026-01-01').archivedEntries).toBeGreaterThan(0);
      return addon.emu.calls.snapshot();
    });
    expect(growth(calls[0], calls[1])).toEqual({});
  });
});
