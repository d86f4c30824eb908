/**
 * A client's prepaid log file rendered as one standalone HTML page, the way the client
 * sees it in Sheets: the summary and the use per week, the balance chart (drawn as SVG
 * from the ranges the recorded chart points at, with the title, axis titles and legend
 * its options set) and the log table, all within an A4 page's width. Used by the demo
 * (out/logs/*.html) and by the test that takes the README's picture.
 */

import { LOG_SHEET, SUMMARY_SHEET, WEEKS_HEADING } from '../src/sheets/client-log-file';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

type Point = { x: number; y: number; label: string };

/** What the recorded chart shows: its series (x from the first range, y from the second, headers skipped), the series' name and its titles. */
interface ChartShown {
  points: Point[];
  series: string;
  title: string;
  xTitle: string;
  yTitle: string;
  legend: string;
}

function chartShown(ss: Spreadsheet): ChartShown | null {
  const chart = ss.getSheetByName(SUMMARY_SHEET)?.getCharts()[0];
  if (!chart) return null;
  const [xs, ys] = chart.getRanges();
  const column = (range: GoogleAppsScript.Spreadsheet.Range, display: boolean) => (display ? range.getDisplayValues() : range.getValues()).map((r) => r[0]);
  const [xValues, labels, yValues] = [column(xs, false), column(xs, true), column(ys, false)];
  const option = (name: string) => String(chart.getOptions().get(name) ?? '');
  return {
    points: xValues
      .slice(1)
      .flatMap((x, i) => (isDate(x) && typeof yValues[i + 1] === 'number' ? [{ x: x.getTime(), y: yValues[i + 1] as number, label: labels[i + 1] }] : [])),
    series: String(column(ys, true)[0]),
    title: option('title'),
    xTitle: option('hAxis.title'),
    yTitle: option('vAxis.title'),
    legend: option('legend.position') || 'right',
  };
}

/** Round steps for the value axis: 1, 2 or 5 times a power of ten, about five of them. */
function ticks(min: number, max: number): number[] {
  const rough = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step / 2; t += step) out.push(Math.round(t * 100) / 100);
  return out;
}

/** The chart as SVG, laid out like Sheets draws it: title, gridlines with values, axis titles and the legend. */
function svgChart(chart: ChartShown | null): string {
  if (!chart || chart.points.length < 2) return '<p class="muted">Not enough rows for a chart yet.</p>';
  const { points } = chart;
  const [w, h] = [640, 280];
  const box = { left: 64, right: w - 16, top: 36, bottom: h - (chart.legend === 'bottom' ? 72 : 48) };
  const xMin = points[0].x;
  const xMax = Math.max(points[points.length - 1].x, xMin + 1);
  const yTicks = ticks(Math.min(...points.map((p) => p.y), 0), Math.max(...points.map((p) => p.y), 1));
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const px = (x: number) => box.left + ((x - xMin) / (xMax - xMin)) * (box.right - box.left);
  const py = (y: number) => box.bottom - ((y - yMin) / (yMax - yMin)) * (box.bottom - box.top);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
  const grid = yTicks
    .map(
      (t) =>
        `<line x1="${box.left}" x2="${box.right}" y1="${py(t)}" y2="${py(t)}" class="${t === 0 ? 'baseline' : 'grid'}"/><text x="${box.left - 6}" y="${py(t) + 4}" text-anchor="end">${t}</text>`,
    )
    .join('');
  const first = points[0];
  const last = points[points.length - 1];
  const legendY = h - 14;
  const legend =
    chart.legend === 'none'
      ? ''
      : `<line x1="${w / 2 - 60}" x2="${w / 2 - 40}" y1="${legendY - 4}" y2="${legendY - 4}" class="line"/><text x="${w / 2 - 34}" y="${legendY}" class="legend">${escapeHtml(chart.series)}</text>`;
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeHtml(chart.title)}">
  <text x="${w / 2}" y="20" text-anchor="middle" class="title">${escapeHtml(chart.title)}</text>
  ${grid}
  <text x="${box.left}" y="${box.bottom + 16}">${escapeHtml(first.label)}</text><text x="${box.right}" y="${box.bottom + 16}" text-anchor="end">${escapeHtml(last.label)}</text>
  <text x="${(box.left + box.right) / 2}" y="${box.bottom + 34}" text-anchor="middle" class="axis-title">${escapeHtml(chart.xTitle)}</text>
  <text transform="translate(16 ${(box.top + box.bottom) / 2}) rotate(-90)" text-anchor="middle" class="axis-title">${escapeHtml(chart.yTitle)}</text>
  <path d="${path}" class="line"/>
  ${legend}
</svg>`;
}

const NUMBER = /^-?\d[\d,]*\.\d\d$/;

/**
 * A table of display values; with `header`, the first row is its head (repeated on every
 * printed page), and `total` marks rows to set in bold.
 */
function table(rows: string[][], options: { header: boolean; className: string; total?: (row: string[]) => boolean }): string {
  const row = (cells: string[]) =>
    `<tr${options.total?.(cells) ? ' class="total"' : ''}>${cells.map((cell) => `<td${NUMBER.test(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  const [first, rest] = options.header ? [rows[0], rows.slice(1)] : [undefined, rows];
  const head = first ? `<thead><tr>${first.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>\n` : '';
  return `<table class="${options.className}">${head}<tbody>${rest.map(row).join('\n')}</tbody></table>`;
}

/** Renders the client's spreadsheet (its Summary and Log tabs) as a page a person can open, within an A4 page's width. */
export function renderClientLogHtml(ss: Spreadsheet): string {
  const values = (name: string) =>
    ss
      .getSheetByName(name)!
      .getDataRange()
      .getDisplayValues()
      .filter((r) => r.some(Boolean));
  const [title, ...facts] = values(SUMMARY_SHEET);
  const log = values(LOG_SHEET);
  const weeksAt = facts.findIndex((r) => r[0].startsWith(WEEKS_HEADING));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title[0])}</title>
<style>
body { font: 13px/1.4 system-ui, sans-serif; margin: 24px; color: #202124; max-width: 960px; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 15px; margin: 20px 0 6px; }
.top { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.top > div { flex: 1 1 300px; }
table { border-collapse: collapse; } td, th { border: 1px solid #dadce0; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #f8f9fa; }
table.summary td:first-child { white-space: nowrap; } table.log { width: 100%; } table.log td { overflow-wrap: anywhere; } table.log td:nth-child(-n+3) { white-space: nowrap; }
svg { width: 100%; max-width: 640px; height: auto; border: 1px solid #dadce0; background: #fff; }
svg text { font-size: 11px; fill: #5f6368; } svg .title { font-size: 14px; fill: #202124; } svg .axis-title { font-size: 12px; fill: #202124; }
svg .legend { font-size: 12px; fill: #202124; } .grid { stroke: #e8eaed; } .baseline { stroke: #5f6368; }
.chart { margin-top: 20px; } .line { fill: none; stroke: #1a73e8; stroke-width: 2; } .muted { color: #5f6368; }
@media print { body { margin: 0; max-width: none; } }
</style></head>
<body>
<h1>${escapeHtml(title[0])}</h1>
<div class="top">
<div>${table(
    facts.slice(0, weeksAt).map((r) => r.slice(0, 2)),
    { header: false, className: 'summary' },
  )}</div>
<div>${table(
    facts.slice(weeksAt).map((r) => r.slice(0, 2)),
    { header: true, className: 'weeks', total: (row) => !row[0].startsWith('Mon ') },
  )}</div>
</div>
<div class="chart">${svgChart(chartShown(ss))}</div>
<h2>Log</h2>
${table(log, { header: true, className: 'log' })}
</body></html>
`;
}
