/**
 * Counts every public call made on an emulated Apps Script object, keyed 'Class.method'.
 *
 * Tests and the benchmark use it to assert that adapters batch their I/O: `dataCalls()` sums only the
 * calls that move cell data or shift rows/columns, so navigation (getSheetByName, getRange, ...) is free.
 */

/** Sheet methods that add, remove or shift rows and columns. */
export const GRID_SHAPE_METHODS = [
  'appendRow',
  'insertRows',
  'insertRowsAfter',
  'insertRowsBefore',
  'insertRowAfter',
  'insertRowBefore',
  'deleteRow',
  'deleteRows',
  'insertColumns',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'insertColumnAfter',
  'insertColumnBefore',
  'deleteColumn',
  'deleteColumns',
];

/** Method names whose calls move cell data or change the grid's shape. */
const DATA_METHODS = new Set([
  'getValues',
  'getValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'getFormula',
  'setValues',
  'setValue',
  'setFormula',
  'setFormulas',
  ...GRID_SHAPE_METHODS,
  'clear',
  'clearContent',
  'clearContents',
  'insertCheckboxes',
  'removeCheckboxes',
  'check',
  'uncheck',
]);
const DATA_CLASSES = new Set(['Range', 'Sheet', 'RangeList']);

export class CallLog {
  private counts = new Map<string, number>();
  /** Cells returned by value/formula reads since the last reset. */
  cellsRead = 0;
  /** Cells written by value/formula writes since the last reset. */
  cellsWritten = 0;

  /** Records one call of `key` ('Class.method'). */
  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls of one method, e.g. count('Range.getValues'). */
  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** All counts as a plain object, sorted by key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Calls that read or write cell data or insert/delete rows and columns. */
  dataCalls(): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      const [cls, method] = key.split('.');
      if (DATA_CLASSES.has(cls) && DATA_METHODS.has(method)) sum += n;
    }
    return sum;
  }
}
