/**
 * How much of a spreadsheet's 10 million cell limit a workbook uses, and when it will
 * reach it at the rate its entries were logged. Sheets counts every cell of every
 * sheet's grid, empty or not, so the grid (rows × columns) is what is measured; the
 * cells that hold data are shown next to it.
 */
import type { Addon } from '../../harness/addon';
import type { WorkbookData } from '../../harness/bench/workbook';

export const CELL_LIMIT = 10_000_000;
const YEAR_MS = 365.25 * 86_400_000;

export interface Capacity {
  /** Cells in every sheet's grid: what counts against the limit. */
  gridCells: number;
  /** Cells inside each sheet's data range. */
  dataCells: number;
  /** gridCells / CELL_LIMIT. */
  share: number;
  entriesPerYear: number;
  /** Grid cells one more entry adds: a row of Time entries and a row of the log. */
  cellsPerEntry: number;
  /** Years until the grid reaches the limit at this rate. */
  yearsLeft: number;
  /** The month it does, yyyy-mm. */
  reachedIn: string;
}

/** Grid and data cells of every sheet, and each sheet's grid width; the call counters are left at zero. */
export function cellsOf(addon: Addon): { gridCells: number; dataCells: number; widths: Map<string, number> } {
  let gridCells = 0;
  let dataCells = 0;
  const widths = new Map<string, number>();
  for (const sheet of addon.emu.spreadsheet.getSheets()) {
    gridCells += sheet.getMaxRows() * sheet.getMaxColumns();
    dataCells += sheet.getLastRow() * sheet.getLastColumn();
    widths.set(sheet.getName(), sheet.getMaxColumns());
  }
  addon.emu.calls.reset();
  return { gridCells, dataCells, widths };
}

export function capacityOf(addon: Addon, data: WorkbookData): Capacity {
  const { gridCells, dataCells, widths } = cellsOf(addon);
  const spanMs = data.spec.to - data.spec.from + 86_400_000;
  const entriesPerYear = (data.spec.entries * YEAR_MS) / spanMs;
  const cellsPerEntry = (widths.get('Time entries') ?? 0) + (widths.get('Prepaid log') ?? 0);
  const yearsLeft = Math.max(0, CELL_LIMIT - gridCells) / (entriesPerYear * cellsPerEntry);
  const reached = new Date(data.now + yearsLeft * YEAR_MS);
  return {
    gridCells,
    dataCells,
    share: gridCells / CELL_LIMIT,
    entriesPerYear,
    cellsPerEntry,
    yearsLeft,
    reachedIn: reached.toISOString().slice(0, 7),
  };
}
