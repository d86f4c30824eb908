/**
 * Runs every operation on a generated workbook of one size: each measured run starts from
 * a freshly loaded copy of the same workbook, so the runs are identical and the service
 * counts of one run stand for all (the bench checks that they do). Our CPU is the median
 * of the runs; the heap is the highest seen. The per-row baseline runs once on its own
 * fresh copy, side by side in the same process.
 */
import { capacityOf, type Capacity } from './capacity';
import { modelled, type Modelled } from './cost-model';
import { countsOf, measure, type Measurement } from './measure';
import { OPERATIONS } from '../../harness/bench/operations';
import { generateWorkbook, loadWorkbook, type WorkbookData } from '../../harness/bench/workbook';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export interface SizeSpec {
  entries: number;
  clients: number;
  /** Measured runs per operation. */
  runs: number;
}

export interface OperationResult extends Modelled {
  label: string;
  short: string;
  /** Median over the runs of our own CPU, and every run's figure. */
  ownCpuMs: number;
  ownCpuRunsMs: number[];
  serviceCpuMs: number;
  peakHeapMb: number;
  heapRiseMb: number;
  /** True when every run made exactly the same service calls. */
  countsStable: boolean;
  perRow?: Modelled;
}

export interface SizeResult {
  entries: number;
  clients: number;
  open: number;
  bigClientLogRows: number;
  capacity: Capacity;
  operations: OperationResult[];
}

/** One year of entries, ending on the last day of November 2026. */
export const YEAR_TO = Date.UTC(2026, 10, 30);
export const YEAR_FROM = YEAR_TO - 364 * 86_400_000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fail(label: string, data: WorkbookData, problem: string): never {
  throw new Error(`${label} on ${data.spec.entries.toLocaleString('en-US')} entries did not do its work (${problem}); the bench would measure nothing.`);
}

function summarize(label: string, short: string, runs: Measurement[]): OperationResult {
  const first = runs[0];
  const same = runs.every(
    (m) => JSON.stringify(m.byMethod) === JSON.stringify(first.byMethod) && m.cellsRead === first.cellsRead && m.cellsWritten === first.cellsWritten,
  );
  return {
    label,
    short,
    ...modelled(first),
    ownCpuMs: median(runs.map((m) => m.ownCpuMs)),
    ownCpuRunsMs: runs.map((m) => m.ownCpuMs),
    serviceCpuMs: median(runs.map((m) => m.serviceCpuMs)),
    peakHeapMb: Math.max(...runs.map((m) => m.peakHeapMb)),
    heapRiseMb: Math.max(...runs.map((m) => m.heapRiseMb)),
    countsStable: same,
  };
}

export function runSize(spec: SizeSpec, progress: (line: string) => void): SizeResult {
  const data = generateWorkbook({ entries: spec.entries, clients: spec.clients, open: Math.min(10_000, spec.entries / 10), from: YEAR_FROM, to: YEAR_TO });
  const capacity = capacityOf(loadWorkbook(data), data);
  const operations: OperationResult[] = [];
  for (const op of OPERATIONS.filter((o) => o.fits(data))) {
    const runs: Measurement[] = [];
    for (let r = 1; r <= spec.runs; r++) {
      progress(`${spec.entries.toLocaleString('en-US')} entries · ${op.label} · run ${r}/${spec.runs}`);
      const addon = loadWorkbook(data);
      const { result, measurement } = measure(addon, () => op.run(addon.server, data));
      if (result) fail(op.label, data, result);
      runs.push(measurement);
    }
    const summary = summarize(op.label, op.short, runs);
    if (op.perRow) {
      progress(`${spec.entries.toLocaleString('en-US')} entries · ${op.label} · per-row baseline`);
      const addon = loadWorkbook(data);
      const app = addon.emu.globals.SpreadsheetApp as SpreadsheetApp;
      const problem = addon.emu.execution(() => op.perRow?.(app, data));
      if (problem) fail(`${op.label} per row`, data, problem);
      summary.perRow = modelled(countsOf(addon));
    }
    operations.push(summary);
  }
  return { entries: spec.entries, clients: spec.clients, open: data.openIds.length, bigClientLogRows: data.bigClientLogRows, capacity, operations };
}
