/**
 * The rows a person selected in `Time entries`, for "Authorize selection" and the
 * sidebar's "selected rows" filter. Header rows are left out; a selection elsewhere is
 * refused with a sentence saying where to select.
 */
import { ok, type Refusal, type Result, refuse } from '../core/result';
import { TIME_ENTRIES } from './schema';

/** The sheet rows selected in `Time entries`, or a refusal (`no-selection`) saying where to select. */
export function selectedRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Result<number[], Refusal<'no-selection'>> {
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const onEntries = ranges.filter((r) => r.getSheet().getName() === TIME_ENTRIES.name);
  if (onEntries.length === 0)
    return refuse('no-selection', `Select one or more rows in the "${TIME_ENTRIES.name}" sheet first, then choose Authorize selection.`);
  const rows = new Set<number>();
  for (const range of onEntries) {
    for (let r = range.getRow(); r < range.getRow() + range.getNumRows(); r++) if (r > 1) rows.add(r);
  }
  return ok([...rows]);
}
