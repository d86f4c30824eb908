/**
 * Embedded charts as recorded objects: Sheet.newChart() builder, EmbeddedChart, and the `Charts`
 * global with its ChartType enum. Nothing is drawn; tests inspect type, ranges, position and options.
 * As in Apps Script, only the typed builders (`asLineChart()` and the other axis charts) have
 * setTitle, setXAxisTitle, setYAxisTitle and setLegendPosition; they record the Google Charts
 * options `title`, `hAxis.title`, `vAxis.title` and `legend.position`, the same keys
 * `setOption` takes, so `getOptions().get('vAxis.title')` reads either.
 */
import { GasObject } from '../instrument';
import type { Runtime } from '../runtime';
import type { ChartModel } from './model';

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
];

const enumOf = (names: string[]): Readonly<Record<string, string>> => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const ChartType = enumOf(CHART_TYPES);
const POSITIONS = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'];
/** Chart types whose Embedded…ChartBuilder has axis titles, a title and a legend position. */
const AXIS_CHART_TYPES = ['AREA', 'BAR', 'COLUMN', 'COMBO', 'HISTOGRAM', 'LINE', 'SCATTER'];

/** The `Charts` global (only its enums are needed by embedded charts). */
export function createChartsGlobal(): Record<string, unknown> {
  return {
    ChartType,
    ChartHiddenDimensionStrategy: enumOf(['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']),
    ChartMergeStrategy: enumOf(['MERGE_COLUMNS', 'MERGE_ROWS']),
    Position: enumOf(POSITIONS),
    LegendPosition: enumOf(['TOP', 'RIGHT', 'BOTTOM', 'NONE', 'LEFT', 'IN']),
  };
}

function copyModel(model: ChartModel): ChartModel {
  return { ...model, ranges: [...model.ranges], position: { ...model.position }, options: { ...model.options } };
}

/** Sheet.newChart() / EmbeddedChart.modify(). */
export class EmbeddedChartBuilder extends GasObject {
  protected readonly draft: ChartModel;

  /** `typed` hands a typed builder (asLineChart()…) the draft it goes on building, under its own class name. */
  constructor(rt: Runtime, from: ChartModel | null, typed?: { className: string; draft: ChartModel }) {
    super(rt, typed?.className ?? 'EmbeddedChartBuilder');
    this.draft =
      typed?.draft ??
      (from ? copyModel(from) : { id: rt.ids.int(), type: ChartType.COLUMN, ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {} });
  }

  setChartType(type: string): EmbeddedChartBuilder {
    if (!CHART_TYPES.includes(String(type))) throw new Error(`Invalid argument: type (${String(type)})`);
    this.draft.type = String(type);
    return this;
  }

  getChartType(): string {
    return this.draft.type;
  }

  addRange(range: unknown): EmbeddedChartBuilder {
    this.draft.ranges.push(range);
    return this;
  }

  removeRange(range: unknown): EmbeddedChartBuilder {
    this.draft.ranges = this.draft.ranges.filter((r) => r !== range);
    return this;
  }

  clearRanges(): EmbeddedChartBuilder {
    this.draft.ranges = [];
    return this;
  }

  getRanges(): unknown[] {
    return [...this.draft.ranges];
  }

  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this.draft.position = { row: anchorRow, column: anchorColumn, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.draft.options[option] = value;
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    return this.setOption('numHeaders', headers);
  }

  setMergeStrategy(strategy: string): EmbeddedChartBuilder {
    return this.setOption('mergeStrategy', strategy);
  }

  setHiddenDimensionStrategy(strategy: string): EmbeddedChartBuilder {
    return this.setOption('hiddenDimensionStrategy', strategy);
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    return this.setOption('transposeRowsAndColumns', transpose);
  }

  build(): EmbeddedChart {
    return new EmbeddedChart(this.rt, copyModel(this.draft));
  }

  /** The typed builder an as…Chart() call returns, going on with this draft. */
  _typed(className: string): EmbeddedAxisChartBuilder {
    return new EmbeddedAxisChartBuilder(this.rt, null, { className, draft: this.draft });
  }
}

/** The builder `asLineChart()` and the other axis charts return: Embedded{Line,Area,Bar,…}ChartBuilder. */
export class EmbeddedAxisChartBuilder extends EmbeddedChartBuilder {
  setTitle(title: string): EmbeddedAxisChartBuilder {
    return this.setOption('title', requireText(title, 'title')) as EmbeddedAxisChartBuilder;
  }

  setXAxisTitle(title: string): EmbeddedAxisChartBuilder {
    return this.setOption('hAxis.title', requireText(title, 'title')) as EmbeddedAxisChartBuilder;
  }

  setYAxisTitle(title: string): EmbeddedAxisChartBuilder {
    return this.setOption('vAxis.title', requireText(title, 'title')) as EmbeddedAxisChartBuilder;
  }

  setLegendPosition(position: string): EmbeddedAxisChartBuilder {
    if (!POSITIONS.includes(String(position))) throw new Error(`Invalid argument: position (${String(position)})`);
    return this.setOption('legend.position', String(position).toLowerCase()) as EmbeddedAxisChartBuilder;
  }
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new Error(`Invalid argument: ${name}`);
  return value;
}

for (const type of CHART_TYPES) {
  const name = type
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  Object.defineProperty(EmbeddedChartBuilder.prototype, `as${name}Chart`, {
    value(this: EmbeddedChartBuilder) {
      this.setChartType(type);
      return AXIS_CHART_TYPES.includes(type) ? this._typed(`Embedded${name}ChartBuilder`) : this;
    },
    writable: true,
    configurable: true,
  });
}

export class EmbeddedChart extends GasObject {
  constructor(
    rt: Runtime,
    private readonly model: ChartModel,
  ) {
    super(rt, 'EmbeddedChart');
  }

  /** A copy of the chart's state, as stored by Sheet.insertChart/updateChart. */
  _snapshot(): ChartModel {
    return copyModel(this.model);
  }

  getChartId(): number {
    return this.model.id;
  }

  getId(): string {
    return `u${this.model.id}`;
  }

  getType(): string {
    return this.model.type;
  }

  getRanges(): unknown[] {
    return [...this.model.ranges];
  }

  getOptions(): { get(option: string): unknown } {
    const options = { ...this.model.options };
    return { get: (option: string) => options[option] ?? null };
  }

  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = { ...this.model.position };
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.rt, this.model);
  }
}
