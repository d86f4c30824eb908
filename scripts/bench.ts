/**
 * `npm run bench`: the built dist/Code.js on the emulator, through gas-local, on generated
 * workbooks of 1,000, 10,000 and 100,000 time entries. For each operation and size it
 * measures service calls by method, cells read and written, modelled Apps Script time, our
 * own CPU and heap; runs a per-row baseline of authorize and export side by side; shows
 * the cell limit and archiving over the years; and judges the targets. Prints
 * tables on stdout (progress on stderr) and writes the same figures to out/bench.json.
 *
 * `--quick` (or BENCH_QUICK=1) runs small sizes only, for development: about 20 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiveYears, type YearsSpec } from './bench/archive-years';
import { MS_PER_CALL, MS_PER_CELL, MS_PER_CELL_PESSIMISTIC } from './bench/cost-model';
import { renderReport, SOURCES, type BenchReport } from './bench/report';
import { runSize, type SizeSpec } from './bench/run-sizes';
import { evaluateTargets } from './bench/targets';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

const SIZES: SizeSpec[] = quick
  ? [
      { entries: 1_000, clients: 50, runs: 2 },
      { entries: 10_000, clients: 150, runs: 2 },
    ]
  : [
      { entries: 1_000, clients: 50, runs: 5 },
      { entries: 10_000, clients: 150, runs: 5 },
      { entries: 100_000, clients: 500, runs: 3 },
    ];

/**
 * 10,000 entries a year keeps the full run within a few minutes: archiveBefore's own CPU
 * grows with the square of the rows it moves (see docs/performance.md), so a 50,000-entry
 * year would take minutes of CPU on its own.
 */
const YEARS: YearsSpec = quick ? { entriesPerYear: 2_000, clients: 50, years: 3 } : { entriesPerYear: 10_000, clients: 100, years: 3 };

function main(): void {
  const started = performance.now();
  const progress = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const sizes = SIZES.map((spec) => runSize(spec, progress));
  const points = archiveYears(YEARS, progress);
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    quick,
    node: process.version,
    durationS: (performance.now() - started) / 1000,
    costModel: { msPerCall: MS_PER_CALL, msPerCell: MS_PER_CELL, msPerCellPessimistic: MS_PER_CELL_PESSIMISTIC, sources: SOURCES },
    sizes,
    years: { spec: YEARS, points },
    targets: evaluateTargets(sizes, points),
  };
  const out = join(__dirname, '..', 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${renderReport(report).join('\n')}\nWrote out/bench.json.\n`);
}

main();
