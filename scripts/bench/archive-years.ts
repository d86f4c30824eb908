/**
 * Archiving as years pass: workbooks holding one, two, three… years of a busy agency's
 * entries, measured twice — kept whole, and after the yearly `archiveBefore` (each year
 * earlier than the current one is already archived, and the run measured here moves the
 * year just ended, as the yearly run does). Kept whole, every operation reads more each
 * year; archived, the live workbook holds one year and the costs stay flat.
 */
import type { Addon } from '../../harness/addon';
import { cellsOf } from './capacity';
import { modelled, type Modelled } from './cost-model';
import { measure } from './measure';
import { OPERATIONS, type Operation } from '../../harness/bench/operations';
import { generateWorkbook, loadWorkbook, type WorkbookData } from '../../harness/bench/workbook';

export interface YearsSpec {
  entriesPerYear: number;
  clients: number;
  years: number;
}

export interface YearOperation extends Modelled {
  label: string;
  ownCpuMs: number;
}

export interface Variant {
  /** Grid cells of the live workbook when the operations ran. */
  gridCells: number;
  operations: YearOperation[];
}

export interface ArchiveRun extends YearOperation {
  movedLogRows: number;
  movedEntries: number;
}

export interface YearPoint {
  /** Years of history in the workbook; the last is the current one. */
  years: number;
  entries: number;
  kept: Variant;
  archived: Variant & { archiveRun: ArchiveRun | null };
}

const LAST_YEAR = 2026;
/** In an order that leaves each one's check true for the next: reads first, authorize last. */
const MEASURED = ['getSidebarData', 'exportPrepaidLog (big client)', 'runAutomaticInvoicing', 'authorizeEntries ×100'];

function operations(): Operation[] {
  return MEASURED.map((label) => {
    const op = OPERATIONS.find((o) => o.label === label);
    if (!op) throw new Error(`No operation ${label}.`);
    return op;
  });
}

function runAll(addon: Addon, data: WorkbookData, progress: (line: string) => void): Variant {
  const { gridCells } = cellsOf(addon);
  const results = operations().map((op) => {
    progress(op.label);
    const { result, measurement } = measure(addon, () => op.run(addon.server, data));
    if (result) throw new Error(`${op.label} did not do its work (${result}).`);
    return { label: op.label, ...modelled(measurement), ownCpuMs: measurement.ownCpuMs };
  });
  return { gridCells, operations: results };
}

/** The big client's live log rows after archiving before `cutoff`: this year's, plus its opening balance. */
function liveBigClientRows(data: WorkbookData, cutoff: number): number {
  const live = data.log.filter((r) => r.Client === data.bigClient && (r.Timestamp as Date).getTime() >= cutoff);
  return live.length + 1;
}

function archiveRun(addon: Addon, year: number): ArchiveRun {
  const { result: run, measurement } = measure(addon, () => addon.server.archiveBefore(`${year}-01-01`));
  if (run.archivedLogRows === 0) throw new Error(`archiveBefore(${year}-01-01) moved nothing.`);
  return {
    label: 'archiveBefore',
    ...modelled(measurement),
    ownCpuMs: measurement.ownCpuMs,
    movedLogRows: run.archivedLogRows,
    movedEntries: run.archivedEntries,
  };
}

export function archiveYears(spec: YearsSpec, progress: (line: string) => void): YearPoint[] {
  const points: YearPoint[] = [];
  for (let years = 1; years <= spec.years; years++) {
    const data = generateWorkbook({
      entries: spec.entriesPerYear * years,
      clients: spec.clients,
      open: Math.min(1_000, spec.entriesPerYear / 10),
      from: Date.UTC(LAST_YEAR - years + 1, 0, 2),
      to: Date.UTC(LAST_YEAR, 11, 30),
    });
    const say = (variant: string) => (what: string) => progress(`${years} year(s) ${variant} · ${what}`);
    const kept = runAll(loadWorkbook(data), data, say('kept'));
    const addon = loadWorkbook(data);
    let run: ArchiveRun | null = null;
    if (years > 1) {
      if (years > 2) addon.server.archiveBefore(`${LAST_YEAR - 1}-01-01`);
      say('archived')('archiveBefore');
      run = archiveRun(addon, LAST_YEAR);
    }
    // Midnight of 1 January in the workbook's zone (the emulator's default, Europe/Brussels).
    const cutoff = Date.parse(`${LAST_YEAR}-01-01T00:00:00+01:00`);
    const live = years > 1 ? { ...data, bigClientLogRows: liveBigClientRows(data, cutoff) } : data;
    points.push({ years, entries: data.spec.entries, kept, archived: { ...runAll(addon, live, say('archived')), archiveRun: run } });
  }
  return points;
}
