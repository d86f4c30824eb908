/**
 * The issue's targets, judged from the bench's own figures, PASS or FAIL with the
 * numbers behind each verdict; plus two the bench adds for archiving (its cells and the
 * yearly run's own cost). A target whose
 * figures this run did not produce (a `--quick` run has no 100,000-entry workbook) is
 * NOT RUN rather than passed.
 */
import type { YearPoint } from './archive-years';
import type { SizeResult } from './run-sizes';

export type Verdict = 'PASS' | 'FAIL' | 'NOT RUN';

export interface TargetResult {
  target: string;
  verdict: Verdict;
  detail: string;
}

/** Two calls of slack: growing a sheet when a block passes its last row (getMaxRows + insertRowsAfter). */
const GROW_SLACK = 2;
const MAX_AUTHORIZE_DATA_CALLS = 12;
const MIN_BASELINE_RATIO = 100;
const MAX_AUTHORIZE_10K_MS = 30_000;
const MAX_CPU_GROWTH = 12;
const EXECUTION_LIMIT_MS = 6 * 60_000;
const FLAT_TOLERANCE = 1.1;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function verdict(ok: boolean, ran = true): Verdict {
  if (!ran) return 'NOT RUN';
  return ok ? 'PASS' : 'FAIL';
}

function labels(sizes: SizeResult[]): string[] {
  return [...new Set(sizes.flatMap((size) => size.operations.map((o) => o.label)))];
}

function constantCalls(sizes: SizeResult[]): TargetResult {
  const compared = labels(sizes)
    .map((label) => ({
      label,
      runs: sizes.flatMap((size) => size.operations.filter((o) => o.label === label).map((o) => ({ entries: size.entries, calls: o.totalCalls }))),
    }))
    .filter((c) => c.runs.length > 1);
  const growing = compared.filter((c) => Math.max(...c.runs.map((r) => r.calls)) - Math.min(...c.runs.map((r) => r.calls)) > GROW_SLACK);
  const detail = growing.length
    ? `grow with the rows: ${growing.map((c) => `${c.label} ${c.runs.map((r) => n(r.calls)).join(' → ')}`).join('; ')}`
    : `${compared.length} operations make the same calls at ${sizes.map((z) => n(z.entries)).join(', ')} entries (±${GROW_SLACK} for growing a sheet)`;
  return { target: 'Service calls constant in the number of entries', verdict: verdict(growing.length === 0, compared.length > 0), detail };
}

function authorizeBudget(sizes: SizeResult[]): TargetResult {
  const runs = sizes.flatMap((size) => size.operations.filter((o) => o.label.startsWith('authorizeEntries')));
  const data = Math.max(...runs.map((o) => o.dataCalls));
  const totals = runs.map((o) => o.totalCalls);
  const spread = Math.max(...totals) - Math.min(...totals);
  return {
    target: `authorizeEntries: ≤ ${MAX_AUTHORIZE_DATA_CALLS} data calls, total within 2 at any N`,
    verdict: verdict(data <= MAX_AUTHORIZE_DATA_CALLS && spread <= 2, runs.length > 0),
    detail: `at most ${data} data calls; ${Math.min(...totals)}–${Math.max(...totals)} calls in all over ${runs.length} runs`,
  };
}

function baselineRatio(sizes: SizeResult[]): TargetResult {
  const pairs = sizes.flatMap((size) =>
    size.operations
      .filter((o) => o.label === 'authorizeEntries ×1,000' && o.perRow)
      .map((o) => ({ entries: size.entries, ratio: (o.perRow?.totalCalls ?? 0) / o.totalCalls, ours: o.totalCalls, perRow: o.perRow?.totalCalls ?? 0 })),
  );
  return {
    target: `≥ ${MIN_BASELINE_RATIO}× fewer calls than per-row when authorizing 1,000`,
    verdict: verdict(
      pairs.every((p) => p.ratio >= MIN_BASELINE_RATIO),
      pairs.length > 0,
    ),
    detail:
      pairs.map((p) => `${n(p.entries)} entries: ${n(p.ours)} vs ${n(p.perRow)} calls, ${n(p.ratio)}×`).join('; ') || 'no workbook had 1,000 open entries',
  };
}

function authorizeTenThousand(sizes: SizeResult[]): TargetResult {
  const op = sizes.find((size) => size.entries === 100_000)?.operations.find((o) => o.label === 'authorizeEntries ×10,000');
  return {
    target: 'Modelled < 30 s: authorize 10,000 in a 100,000-entry workbook',
    verdict: verdict(!!op && op.modelledMs < MAX_AUTHORIZE_10K_MS, !!op),
    detail: op
      ? `${s(op.modelledMs)} (${n(op.totalCalls)} calls, ${n(op.cellsRead + op.cellsWritten)} cells); ${s(op.pessimisticMs)} at the pessimistic 0.1 ms a cell`
      : 'needs the full run',
  };
}

function linearCpu(sizes: SizeResult[]): TargetResult {
  const steps: { label: string; from: number; ratio: number }[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    if (b.entries !== a.entries * 10) continue;
    for (const op of b.operations) {
      const before = a.operations.find((o) => o.label === op.label);
      if (before) steps.push({ label: op.label, from: a.entries, ratio: op.ownCpuMs / before.ownCpuMs });
    }
  }
  const worst = [...steps].sort((x, y) => y.ratio - x.ratio)[0];
  const over = steps.filter((st) => st.ratio > MAX_CPU_GROWTH);
  return {
    target: `Our CPU at most linear: ×10 entries costs ≤ ×${MAX_CPU_GROWTH}`,
    verdict: verdict(over.length === 0, steps.length > 0),
    detail: worst
      ? over.length
        ? `over: ${over.map((o) => `${o.label} ×${o.ratio.toFixed(1)} from ${n(o.from)}`).join('; ')}`
        : `worst ×${worst.ratio.toFixed(1)} (${worst.label}, ${n(worst.from)} → ${n(worst.from * 10)} entries)`
      : 'needs two sizes ten times apart',
  };
}

function flatWithArchiving(points: YearPoint[]): TargetResult {
  const first = points[0];
  const last = points[points.length - 1];
  const ratios = last.archived.operations.map((op, i) => ({
    label: op.label,
    archived: op.modelledMs / first.archived.operations[i].modelledMs,
    kept: last.kept.operations[i].modelledMs / first.kept.operations[i].modelledMs,
  }));
  const rising = ratios.filter((r) => r.archived > FLAT_TOLERANCE);
  return {
    target: `Archiving keeps costs flat (year ${last.years} within ${Math.round((FLAT_TOLERANCE - 1) * 100)}% of year 1)`,
    verdict: verdict(rising.length === 0, points.length > 1),
    detail: ratios.map((r) => `${r.label} ×${r.archived.toFixed(2)} archived vs ×${r.kept.toFixed(2)} kept`).join('; '),
  };
}

function flatCells(points: YearPoint[]): TargetResult {
  const first = points[0].archived.gridCells;
  const last = points[points.length - 1];
  const growth = last.archived.gridCells / first;
  return {
    target: `(bench) Archiving keeps the live workbook's cells flat (within ${Math.round((FLAT_TOLERANCE - 1) * 100)}%)`,
    verdict: verdict(growth <= FLAT_TOLERANCE, points.length > 1),
    detail: `grid cells ${points.map((p) => n(p.archived.gridCells)).join(' → ')} archived (×${growth.toFixed(2)}) vs ${points.map((p) => n(p.kept.gridCells)).join(' → ')} kept`,
  };
}

function yearlyArchiveFits(points: YearPoint[]): TargetResult {
  const runs = points.flatMap((p) => (p.archived.archiveRun ? [p.archived.archiveRun] : []));
  const worst = [...runs].sort((a, b) => b.modelledMs - a.modelledMs)[0];
  return {
    target: '(bench) A yearly archiveBefore fits one 6-minute execution',
    verdict: verdict(!!worst && worst.modelledMs < EXECUTION_LIMIT_MS, !!worst),
    detail: worst
      ? `${n(worst.movedLogRows)} log rows and ${n(worst.movedEntries)} entries: ${n(worst.totalCalls)} calls (${(worst.totalCalls / worst.movedLogRows).toFixed(1)} per log row moved), ${s(worst.modelledMs)} modelled, ${s(worst.ownCpuMs)} of our CPU`
      : 'needs two years',
  };
}

export function evaluateTargets(sizes: SizeResult[], years: YearPoint[]): TargetResult[] {
  return [
    constantCalls(sizes),
    authorizeBudget(sizes),
    baselineRatio(sizes),
    authorizeTenThousand(sizes),
    linearCpu(sizes),
    flatWithArchiving(years),
    flatCells(years),
    yearlyArchiveFits(years),
  ];
}
