/**
 * The bench's report: plain-text tables for stdout (per size, the per-row baseline side by
 * side, the cell limit, archiving over the years, the targets) and the same figures as
 * one JSON document for out/bench.json.
 */
import type { YearPoint, YearsSpec } from './archive-years';
import { CELL_LIMIT } from './capacity';
import { MS_PER_CALL, MS_PER_CELL, MS_PER_CELL_PESSIMISTIC } from './cost-model';
import type { SizeResult } from './run-sizes';
import type { TargetResult } from './targets';

export interface BenchReport {
  generatedAt: string;
  quick: boolean;
  node: string;
  durationS: number;
  costModel: { msPerCall: number; msPerCell: number; msPerCellPessimistic: number; sources: string[] };
  sizes: SizeResult[];
  years: { spec: YearsSpec; points: YearPoint[] };
  targets: TargetResult[];
}

export const SOURCES = [
  'https://developers.google.com/apps-script/guides/support/best-practices (100×100 backgrounds: about 70 s cell by cell, about 1 s batched)',
  '"What is faster: ScriptDb or SpreadsheetApp?" (Stack Overflow; one setValues of 4,000 cells in under 50 ms)',
];

/** Apps Script service of each emulated class; classes not listed stand for themselves. */
const SERVICE: Record<string, string> = {
  SpreadsheetApp: 'Sheets',
  Spreadsheet: 'Sheets',
  Sheet: 'Sheets',
  Range: 'Sheets',
  RangeList: 'Sheets',
  Protection: 'Sheets',
  DataValidation: 'Sheets',
  DataValidationBuilder: 'Sheets',
  Selection: 'Sheets',
  EmbeddedChart: 'Sheets',
  EmbeddedChartBuilder: 'Sheets',
  DocumentApp: 'Docs',
  Document: 'Docs',
  Body: 'Docs',
  Paragraph: 'Docs',
  Table: 'Docs',
  TableRow: 'Docs',
  TableCell: 'Docs',
  Text: 'Docs',
  DriveApp: 'Drive',
  File: 'Drive',
  Folder: 'Drive',
  FileIterator: 'Drive',
  FolderIterator: 'Drive',
  PropertiesService: 'Properties',
  Properties: 'Properties',
  LockService: 'Lock',
  Lock: 'Lock',
  Session: 'Session',
  User: 'Session',
  Utilities: 'Utilities',
  Blob: 'Utilities',
  MailApp: 'Mail',
  ScriptApp: 'Script',
  Trigger: 'Script',
  HtmlService: 'Html',
  HtmlOutput: 'Html',
};

const int = (x: number) => Math.round(x).toLocaleString('en-US');

function seconds(ms: number): string {
  if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function cpu(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function ratio(x: number): string {
  return `${x >= 10 ? int(x) : x.toFixed(1)}×`;
}

/** Calls grouped by service, largest first: "Sheets 24 · Properties 4 · …". */
export function byService(byMethod: Record<string, number>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [key, count] of Object.entries(byMethod)) {
    const service = SERVICE[key.split('.')[0]] ?? key.split('.')[0];
    totals[service] = (totals[service] ?? 0) + count;
  }
  return Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1]));
}

function serviceLine(byMethod: Record<string, number>): string {
  return Object.entries(byService(byMethod))
    .map(([service, count]) => `${service} ${int(count)}`)
    .join(' · ');
}

/** Left-aligns the first column, right-aligns the others unless `left` says so. */
function table(headers: string[], rows: string[][], left: number[] = [0]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

function sizeSection(size: SizeResult): string[] {
  const heading = `${int(size.entries)} entries · ${int(size.clients)} clients · ${int(size.open)} open · big client ${int(size.bigClientLogRows)} log rows`;
  const rows = size.operations.map((o) => [
    o.label + (o.countsStable ? '' : ' (calls varied between runs)'),
    int(o.totalCalls),
    int(o.dataCalls),
    int(o.cellsRead),
    int(o.cellsWritten),
    seconds(o.modelledMs),
    seconds(o.pessimisticMs),
    cpu(o.ownCpuMs),
    `${int(o.heapRiseMb)} MB`,
    serviceLine(o.byMethod),
  ]);
  return [
    `■ ${heading}`,
    ...table(['operation', 'calls', 'data', 'cells read', 'written', 'modelled', 'at 0.1 ms/cell', 'our CPU', 'heap +', 'calls by service'], rows, [0, 9]),
    '',
  ];
}

/** Every method's calls per operation at the largest size, with "a→b" where sizes differ. */
function methodSection(sizes: SizeResult[]): string[] {
  const largest = sizes[sizes.length - 1];
  const ops = largest.operations;
  const methods = [...new Set(ops.flatMap((o) => Object.keys(o.byMethod)))].sort();
  const cell = (label: string, method: string) => {
    const counts = sizes.flatMap((size) => size.operations.filter((o) => o.label === label).map((o) => o.byMethod[method] ?? 0));
    if (counts.every((c) => c === 0)) return '';
    const [first, last] = [counts[0], counts[counts.length - 1]];
    return first === last ? int(last) : `${int(first)}→${int(last)}`;
  };
  const rows = methods.map((method) => [method, ...ops.map((o) => cell(o.label, method))]);
  return [
    `■ Calls by method at ${int(largest.entries)} entries ("a→b": ${int(sizes[0].entries)} → ${int(largest.entries)} entries)`,
    ...table(['method', ...ops.map((o) => o.short)], rows),
    '',
  ];
}

function baselineSection(sizes: SizeResult[]): string[] {
  const rows = sizes.flatMap((size) =>
    size.operations
      .filter((o) => o.perRow)
      .map((o) => {
        const p = o.perRow as NonNullable<typeof o.perRow>;
        return [
          `${o.label} @ ${int(size.entries)}`,
          int(o.totalCalls),
          int(p.totalCalls),
          ratio(p.totalCalls / o.totalCalls),
          seconds(o.modelledMs),
          seconds(p.modelledMs),
          ratio(p.modelledMs / o.modelledMs),
        ];
      }),
  );
  return [
    '■ Per-row baseline (getValue/setValue per cell, appendRow per log row), same workbooks, same run',
    ...table(['operation @ entries', 'our calls', 'per-row calls', 'fewer', 'our modelled', 'per-row modelled', 'faster'], rows),
    '',
  ];
}

function capacitySection(sizes: SizeResult[]): string[] {
  const rows = sizes.map((size) => {
    const c = size.capacity;
    return [
      int(size.entries),
      int(c.gridCells),
      `${(c.share * 100).toFixed(1)}%`,
      int(c.dataCells),
      int(c.entriesPerYear),
      String(c.cellsPerEntry),
      `${c.yearsLeft.toFixed(1)} years (${c.reachedIn})`,
    ];
  });
  return [
    `■ Cells against the ${int(CELL_LIMIT)}-cell limit (Sheets counts every cell of every grid)`,
    ...table(['entries', 'grid cells', 'of limit', 'data cells', 'entries/year', 'cells/entry', 'limit reached in'], rows),
    '',
  ];
}

function yearsSection(spec: YearsSpec, points: YearPoint[]): string[] {
  const headers = ['operation (modelled)', ...points.flatMap((p) => [`${p.years}y kept`, `${p.years}y archived`])];
  const labels = points[0].kept.operations.map((o) => o.label);
  const rows = labels.map((label, i) => [
    label,
    ...points.flatMap((p) => [seconds(p.kept.operations[i].modelledMs), seconds(p.archived.operations[i].modelledMs)]),
  ]);
  rows.push(['archiveBefore (the year just ended)', ...points.flatMap((p) => ['', p.archived.archiveRun ? seconds(p.archived.archiveRun.modelledMs) : '—'])]);
  rows.push(['grid cells of the live workbook', ...points.flatMap((p) => [int(p.kept.gridCells), int(p.archived.gridCells)])]);
  rows.push([
    'cells read by authorizeEntries ×100',
    ...points.flatMap((p) => [int(p.kept.operations[labels.length - 1].cellsRead), int(p.archived.operations[labels.length - 1].cellsRead)]),
  ]);
  return [
    `■ Archiving as years pass: ${int(spec.entriesPerYear)} entries a year, ${int(spec.clients)} clients; kept whole vs archived yearly`,
    ...table(headers, rows),
    '',
  ];
}

function targetsSection(targets: TargetResult[]): string[] {
  return [
    '■ Targets',
    ...table(
      ['', 'target', 'figures'],
      targets.map((t) => [t.verdict, t.target, t.detail]),
      [0, 1, 2],
    ),
    '',
  ];
}

export function renderReport(report: BenchReport): string[] {
  return [
    `Prepaid Time bench · ${report.generatedAt} · Node ${report.node}${report.quick ? ' · QUICK run (small sizes)' : ''} · ${report.durationS.toFixed(0)} s`,
    `Cost model: ${MS_PER_CALL} ms per service call + ${MS_PER_CELL * 1000} µs per cell read or written (pessimistic: ${MS_PER_CELL_PESSIMISTIC * 1000} µs). Sources in docs/performance.md.`,
    'Calls, data calls and cells are exact; our CPU is the median of the runs, minus time inside emulated services; heap + is the peak above the loaded workbook.',
    '',
    ...report.sizes.flatMap(sizeSection),
    ...methodSection(report.sizes),
    ...baselineSection(report.sizes),
    ...capacitySection(report.sizes),
    ...yearsSection(report.years.spec, report.years.points),
    ...targetsSection(report.targets),
  ];
}
