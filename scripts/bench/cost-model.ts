/**
 * The cost model of Apps Script time. In Apps Script the time goes into calls to Google's
 * services, not into JavaScript, so an operation is modelled as a fixed latency per
 * service call plus a cost per cell moved. Both constants come from published
 * measurements (docs/performance.md gives the sources and the reasoning):
 *
 * - 7 ms per call: Google's "Best practices" page sets the background of a 100×100 grid
 *   cell by cell in about 70 s, i.e. 10,000 calls, about 7 ms each.
 * - 11 µs per cell: a single `setValues` of a 4,000-cell block took under 50 ms (the
 *   "What is faster: ScriptDb or SpreadsheetApp?" measurement): (50 − 7) ms / 4,000
 *   cells is about 11 µs once the call's own latency is taken off.
 *
 * The same page's batched version (one call for the 10,000 backgrounds in about 1 s)
 * bounds the per-cell cost from above at 0.1 ms; the bench prints that pessimistic
 * figure next to the modelled one, so no verdict hides how much it rests on the constant.
 */
import type { Counts } from './measure';

export const MS_PER_CALL = 7;
export const MS_PER_CELL = 0.011;
/** Upper bound per cell from Google's batched 100×100 example (formats, JS included). */
export const MS_PER_CELL_PESSIMISTIC = 0.1;

export interface Traffic {
  /** Every counted service call, navigation included. */
  calls: number;
  cellsRead: number;
  cellsWritten: number;
}

/** Modelled Apps Script time in milliseconds. */
export function modelledMs(t: Traffic, msPerCell = MS_PER_CELL): number {
  return t.calls * MS_PER_CALL + (t.cellsRead + t.cellsWritten) * msPerCell;
}

export interface Modelled extends Counts {
  /** Modelled Apps Script time with the bench's constants. */
  modelledMs: number;
  /** The same with the pessimistic per-cell cost. */
  pessimisticMs: number;
}

/** Counts with their modelled time, both ways. */
export function modelled(counts: Counts): Modelled {
  const traffic = { calls: counts.totalCalls, cellsRead: counts.cellsRead, cellsWritten: counts.cellsWritten };
  return { ...counts, modelledMs: modelledMs(traffic), pessimisticMs: modelledMs(traffic, MS_PER_CELL_PESSIMISTIC) };
}
