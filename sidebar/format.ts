/**
 * How the sidebar writes numbers: hours with two decimals (the core's formatHours, so
 * the sidebar and the sheet agree), money with its currency, counts with their noun.
 */
import { formatHours, formatMoney } from '../src/core/quantities';

export { formatHours, formatMoney };

/** "1.50 h" */
export function hoursText(minutes: number): string {
  return `${formatHours(minutes)} h`;
}

/** "1 entry", "3 entries" */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Hours for an input field, exact: "1.5" for 90 minutes, "1:20" for 80 (which has no short decimal). */
export function hoursInput(minutes: number): string {
  return minutes % 3 === 0 ? String(Number(formatHours(minutes))) : clock(minutes);
}

/** Elapsed minutes as h:mm. */
export function clock(totalMinutes: number): string {
  const m = Math.max(0, Math.floor(totalMinutes));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}
