/**
 * Service calls must not grow with the number of rows: every operation the bench
 * measures, and archiving, runs on workbooks of 500 and 5,000 entries (the bench's own
 * generator, same clients, the newest fifth open in both, so both have the same recent
 * weeks of use) and must make the same calls, method by method. Counts, not timings, so
 * the test is exact and stable; the speed targets live in `npm run bench`.
 *
 * KNOWN_GROWTH lists what grows today, with the code that makes a call per row. Those
 * cases check that the growth is still there, so they fail once it is fixed: the cue to
 * remove the entry and let the case guard the fix.
 */
import { OPERATIONS } from '../../scripts/bench/operations';
import { generateWorkbook, loadWorkbook, type WorkbookSpec } from '../../scripts/bench/workbook';

const SMALL = 500;
const LARGE = 5_000;
const CLIENTS = 15;
/** Growing a sheet past its last row adds these calls once, whatever the number of rows. */
const GROW_CALLS = new Set(['Sheet.getMaxRows', 'Sheet.insertRowsAfter']);

const KNOWN_GROWTH: Record<string, string> = {
  getSidebarData: 'src/app/sidebar-views.ts entryView → calendar-day dayOf → services.formatDate: Utilities.formatDate and getSpreadsheetTimeZone for every entry in the sheet',
  runAutomaticInvoicing: 'src/app/invoice-completion.ts content() → services.formatDate for every deduction line of an invoice',
  archiveBefore: 'src/app/archive.ts yearOf → services.formatDate for every log row and entry moved',
};

function spec(entries: number, years: number): WorkbookSpec {
  const to = Date.UTC(2026, 10, 30);
  return { entries, clients: CLIENTS, open: entries / 5, from: to - years * 364 * 86_400_000, to };
}

/** Per-method calls that differ between the two runs, beyond one sheet-growing step. */
function growth(small: Record<string, number>, large: Record<string, number>): Record<string, string> {
  const diff: Record<string, string> = {};
  for (const method of new Set([...Object.keys(small), ...Object.keys(large)])) {
    const [a, b] = [small[method] ?? 0, large[method] ?? 0];
    if (a !== b && !(GROW_CALLS.has(method) && Math.abs(a - b) <= 1)) diff[method] = `${a} → ${b}`;
  }
  return diff;
}

function expectNoGrowth(name: string, diff: Record<string, string>): void {
  if (KNOWN_GROWTH[name]) expect({ name, grows: Object.keys(diff).length > 0 }).toEqual({ name, grows: true });
  else expect(diff).toEqual({});
}

function title(name: string, label: string, sizes: string): string {
  return KNOWN_GROWTH[name] ? `${label}: still grows from ${sizes} (known: ${KNOWN_GROWTH[name]})` : `${label}: the same calls at ${sizes}`;
}

describe('service calls do not grow with the rows', () => {
  const small = generateWorkbook(spec(SMALL, 1));
  const large = generateWorkbook(spec(LARGE, 1));

  for (const op of OPERATIONS.filter((o) => o.fits(small) && o.fits(large))) {
    const name = op.label.split(' ')[0];
    it(title(name, op.label, `${SMALL} to ${LARGE} entries`), () => {
      const calls = [small, large].map((data) => {
        const addon = loadWorkbook(data);
        expect(op.run(addon.server, data)).toBe('');
        return addon.emu.calls.snapshot();
      });
      expectNoGrowth(name, growth(calls[0], calls[1]));
    });
  }

  it(title('archiveBefore', 'archiveBefore', `a year of ${SMALL / 2} to one of ${LARGE / 2} entries moved`), () => {
    const calls = [SMALL, LARGE].map((entries) => {
      const addon = loadWorkbook(generateWorkbook(spec(entries, 2)));
      expect(addon.server.archiveBefore('2026-01-01').archivedEntries).toBeGreaterThan(0);
      return addon.emu.calls.snapshot();
    });
    expectNoGrowth('archiveBefore', growth(calls[0], calls[1]));
  });

  it('the known growth names operations that exist', () => {
    const names = [...OPERATIONS.map((o) => o.label.split(' ')[0]), 'archiveBefore'];
    expect(Object.keys(KNOWN_GROWTH).filter((name) => !names.includes(name))).toEqual([]);
  });
});
