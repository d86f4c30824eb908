/**
 * The sheet schema is a public contract: the README's schema table names the same sheets
 * and columns, in order, headers are matched ignoring case and spacing, and no sheet
 * names a column twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SHEETS, normalizeHeader } from '../../src/sheets/schema';

/** The README's schema table: sheet name -> column headers, markup and notes removed. */
function readmeSchema(): Record<string, string[]> {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('## The sheet schema');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const table: Record<string, string[]> = {};
  for (const [, sheet, columns] of section.matchAll(/^\| `([^`]+)`[^|]*\| (.+) \|$/gm)) {
    table[sheet] = columns
      .replace(/ — .*$/, '')
      .split(' · ')
      .map((c) => c.replace(/[*]/g, '').replace(/ \((optional|Company\/Contact)\)$/, ''));
  }
  return table;
}

describe('the sheet schema', () => {
  it('is the one the README documents, sheet by sheet and column by column', () => {
    expect(readmeSchema()).toEqual(Object.fromEntries(ALL_SHEETS.map((s) => [s.name, s.columns.map((c) => c.header)])));
  });

  it('names no column twice in a sheet, even in another case or spacing', () => {
    for (const schema of ALL_SHEETS) {
      const keys = schema.columns.map((c) => normalizeHeader(c.header));
      expect({ sheet: schema.name, keys: new Set(keys).size }).toEqual({ sheet: schema.name, keys: keys.length });
    }
  });

  it('never makes a column both required and optional', () => {
    expect(ALL_SHEETS.flatMap((s) => s.columns.filter((c) => c.required && c.optional).map((c) => `${s.name}: ${c.header}`))).toEqual([]);
  });
});

describe('normalizeHeader', () => {
  it('ignores case, surrounding spaces and runs of spaces', () => {
    expect(['Balance (h)', ' balance  (H) ', 'BALANCE\t(h)'].map(normalizeHeader)).toEqual(['balance (h)', 'balance (h)', 'balance (h)']);
  });

  it('reads a blank or missing header as empty', () => {
    expect([normalizeHeader(''), normalizeHeader(null), normalizeHeader(undefined), normalizeHeader('   ')]).toEqual(['', '', '', '']);
  });
});
