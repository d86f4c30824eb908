/**
 * A client's prepaid log file rendered as one standalone HTML page, the way the client
 * sees it in Sheets: the summary, the balance chart (drawn as SVG from the ranges the
 * recorded chart points at) and the log table. Used by the demo (out/logs/*.html) and by
 * the test that takes the README's picture.
 */

import { LOG_SHEET, SUMMARY_SHEET } from '../src/sheets/client-log-file';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The chart's series: x from its first range (dates), y from its second (balance), headers skipped. */
function chartPoints(ss: Spreadsheet): { x: number; y: number; label: string }[] {
  const chart = ss.getSheetByName(SUMMARY_SHEET)?.getCharts()[0];
  if (!chart) return [];
  const [xs, ys] = chart.getRanges();
  const xValues = xs
    .getValues()
    .slice(1)
    .map((r) => r[0]);
  const labels = xs
    .getDisplayValues()
    .slice(1)
    .map((r) => r[0]);
  const yValues = ys
    .getValues()
    .slice(1)
    .map((r) => r[0]);
  return xValues.flatMap((x, i) => (isDate(x) && typeof yValues[i] === 'number' ? [{ x: x.getTime(), y: yValues[i] as number, label: labels[i] }] : []));
}

function svgChart(points: { x: number; y: number; label: string }[]): string {
  if (points.length < 2) return '<p class="muted">Not enough rows for a chart yet.</p>';
  const [w, h, pad] = [640, 220, 36];
  const xMin = points[0].x;
  const xMax = Math.max(points[points.length - 1].x, xMin + 1);
  const yMax = Math.max(...points.map((p) => p.y), 1);
  const yMin = Math.min(...points.map((p) => p.y), 0);
  const px = (x: number) => pad + ((x - xMin) / (xMax - xMin)) * (w - 2 * pad);
  const py = (y: number) => h - pad - ((y - yMin) / (yMax - yMin)) * (h - 2 * pad);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
  const zero = yMin < 0 ? `<line x1="${pad}" x2="${w - pad}" y1="${py(0)}" y2="${py(0)}" class="zero"/>` : '';
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="Balance (h) over time">
  <line x1="${pad}" x2="${pad}" y1="${pad / 2}" y2="${h - pad}" class="axis"/><line x1="${pad}" x2="${w - pad}" y1="${h - pad}" y2="${h - pad}" class="axis"/>${zero}
  <text x="4" y="${py(yMax) + 4}">${yMax.toFixed(0)}</text><text x="4" y="${py(yMin) + 4}">${yMin.toFixed(0)}</text>
  <text x="${pad}" y="${h - 8}">${escapeHtml(points[0].label)}</text><text x="${w - pad}" y="${h - 8}" text-anchor="end">${escapeHtml(points[points.length - 1].label)}</text>
  <path d="${path}" class="line"/>${points.map((p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5"/>`).join('')}
</svg>`;
}

function table(rows: string[][], header: boolean): string {
  const body = rows
    .map((row, r) => `<tr>${row.map((cell) => (header && r === 0 ? `<th>${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table>${body}</table>`;
}

/** Renders the client's spreadsheet (its Summary and Log tabs) as a page a person can open. */
export function renderClientLogHtml(ss: Spreadsheet): string {
  const summary = ss
    .getSheetByName(SUMMARY_SHEET)!
    .getDataRange()
    .getDisplayValues()
    .filter((r) => r.some(Boolean));
  const log = ss
    .getSheetByName(LOG_SHEET)!
    .getDataRange()
    .getDisplayValues()
    .filter((r) => r.some(Boolean));
  const [title, ...facts] = summary;
  const weeksAt = facts.findIndex((r) => r[0] === 'Hours used per week');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title[0])}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #202124; max-width: 980px; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 15px; margin: 20px 0 6px; }
.top { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
table { border-collapse: collapse; } td, th { border: 1px solid #dadce0; padding: 3px 8px; text-align: left; white-space: pre; }
th { background: #f1f3f4; } td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
svg { width: 640px; height: 220px; border: 1px solid #dadce0; background: #fff; }
svg text { font-size: 11px; fill: #5f6368; } .axis { stroke: #9aa0a6; } .zero { stroke: #d93025; stroke-dasharray: 4 3; }
.line { fill: none; stroke: #1a73e8; stroke-width: 2; } circle { fill: #1a73e8; } .muted { color: #5f6368; }
</style></head>
<body>
<h1>${escapeHtml(title[0])}</h1>
<div class="top">
<div>${table(
    facts.slice(0, weeksAt).map((r) => r.slice(0, 2)),
    false,
  )}</div>
<div><h2>Balance (h) over time</h2>${svgChart(chartPoints(ss))}
<h2>Use per week</h2>${table(
    facts.slice(weeksAt).map((r) => r.slice(0, 2)),
    true,
  )}</div>
</div>
<h2>Log</h2>
${table(log, true)}
</body></html>
`;
}
