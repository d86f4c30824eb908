/**
 * Gapless invoice numbers from a settable pattern such as `INV-{yyyy}-{0000}`. `{yyyy}`,
 * `{yy}` and `{mm}` are the invoice date's year and month; the last run of zeros in
 * braces is the counter, padded to its width. There is no stored counter that could drift
 * from the sheet: the next number is one more than the highest number already in
 * `Invoices` that fits the pattern for the same date, so a pattern with `{yyyy}` restarts
 * at 1 each year. Numbers are allocated under the document lock by writing the row.
 */

/** The invoice date in the spreadsheet's time zone. */
export interface InvoiceDate {
  year: number;
  /** 1–12. */
  month: number;
}

const TOKEN = /\{(yyyy|yy|mm|0+)\}/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern with the date tokens filled in, split at its counter. */
function splitAtCounter(pattern: string, date: InvoiceDate): { before: string; width: number; after: string } {
  const counters = [...pattern.matchAll(/\{(0+)\}/g)];
  const counter = counters[counters.length - 1];
  if (!counter || counter.index === undefined) {
    throw new Error(`The invoice number pattern "${pattern}" has no counter. Put one such as {0000} in it under Settings.`);
  }
  const fill = (part: string) =>
    part.replace(TOKEN, (token: string, name: string) => {
      const key = name.toLowerCase();
      if (key === 'yyyy') return String(date.year).padStart(4, '0');
      if (key === 'yy') return String(date.year % 100).padStart(2, '0');
      if (key === 'mm') return String(date.month).padStart(2, '0');
      return token; // an earlier run of zeros is plain text: only the last one counts
    });
  return {
    before: fill(pattern.slice(0, counter.index)),
    width: counter[1].length,
    after: fill(pattern.slice(counter.index + counter[0].length)),
  };
}

/**
 * The next number in the sequence: one more than the highest existing number that fits
 * the pattern for this date (1 when there is none). Numbers that do not fit, such as
 * invoices typed by hand in another format, are left out of the count.
 */
export function nextInvoiceNumber(pattern: string, date: InvoiceDate, existing: readonly string[]): string {
  const { before, width, after } = splitAtCounter(pattern, date);
  const fits = new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}$`);
  let highest = 0;
  for (const number of existing) {
    const match = String(number).trim().match(fits);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${before}${String(highest + 1).padStart(width, '0')}${after}`;
}
