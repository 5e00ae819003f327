/**
 * Keeps a bounded, peak-preserving copy of timeseries.csv while the run streams it to disk: rows
 * go into buckets of whole output intervals, each keeping per column the max of its rows; when
 * there would be more than `maxPoints` buckets, neighbours merge (max) and buckets double in width.
 * Memory is columns × maxPoints however long the run, and nothing needs the duration up front.
 */
import type { RowCell } from '../csv-line.js';
import type { TableSink, TableSinkFactory } from '../table-sink.js';
import { MAX_POINTS_PER_SERIES } from './downsample.js';
import type { RunSeries, TimeSeries } from './time-series.js';

const TIME_COLUMNS = new Set(['time_s', 'time_h']);

const maxOf = (a: number, b: number): number => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b));

/** A table sink that buckets rows; `series()` gives each numeric column's bucket maxima. */
export class SeriesCollector implements TableSink {
  /** Bucket width, seconds: the first row's time (one output interval), doubled at each merge. */
  private widthSeconds: number | undefined;
  /** Per bucket the time of its last row; NaN while empty. */
  private times: number[] = [];
  /** Per column, per bucket the max (NaN: no number yet). */
  private maxima: number[][];

  constructor(
    readonly header: readonly string[],
    private readonly maxPoints: number = MAX_POINTS_PER_SERIES,
  ) {
    this.maxima = header.map(() => []);
  }

  row(cells: readonly RowCell[]): void {
    const time = Number(cells[0]);
    if (!Number.isFinite(time)) return;
    this.widthSeconds ??= time > 0 ? time : 1;
    let bucket = Math.max(0, Math.ceil(time / this.widthSeconds - 1e-9) - 1);
    while (bucket >= this.maxPoints) {
      this.mergeNeighbours();
      bucket = Math.max(0, Math.ceil(time / this.widthSeconds - 1e-9) - 1);
    }
    while (this.times.length <= bucket) {
      this.times.push(Number.NaN);
      for (const column of this.maxima) column.push(Number.NaN);
    }
    this.times[bucket] = maxOf(this.times[bucket]!, time);
    for (let c = 0; c < cells.length && c < this.maxima.length; c++) {
      const cell = cells[c];
      const value = cell === '' || cell === undefined || typeof cell === 'object' ? Number.NaN : Number(cell);
      if (Number.isFinite(value)) this.maxima[c]![bucket] = maxOf(this.maxima[c]![bucket]!, value);
    }
  }

  close(): void {}

  /** Each column with at least one number: bucket times (the last row's time) and maxima. */
  series(): RunSeries {
    const used = this.times.flatMap((t, b) => (Number.isNaN(t) ? [] : [b]));
    const timesSeconds = used.map((b) => this.times[b]!);
    const columns = new Map<string, TimeSeries>();
    this.header.forEach((name, c) => {
      if (TIME_COLUMNS.has(name)) return;
      const raw = used.map((b) => this.maxima[c]![b]!);
      if (raw.every((v) => Number.isNaN(v))) return;
      // A bucket where the column was blank (an HPA metric not read yet) holds the previous value.
      let previous = raw.find((v) => !Number.isNaN(v)) ?? 0;
      const values = raw.map((v) => (previous = Number.isNaN(v) ? previous : v));
      columns.set(name, { timesSeconds, values });
    });
    return { durationSeconds: timesSeconds.at(-1) ?? 0, columns };
  }

  private mergeNeighbours(): void {
    const pairs = <T>(xs: T[], f: (a: T, b: T | undefined) => T): T[] => Array.from({ length: Math.ceil(xs.length / 2) }, (_, i) => f(xs[2 * i]!, xs[2 * i + 1]));
    this.times = pairs(this.times, (a, b) => maxOf(a, b ?? Number.NaN));
    this.maxima = this.maxima.map((column) => pairs(column, (a, b) => maxOf(a, b ?? Number.NaN)));
    this.widthSeconds! *= 2;
  }
}

/**
 * Wraps a table factory so that timeseries.csv also feeds a SeriesCollector: pass `tables(inner)`
 * as runScenario's `tables`, then read `series()` after the run. One recorder per run.
 */
export class ChartSeriesRecorder {
  private collector: SeriesCollector | undefined;

  constructor(private readonly maxPoints: number = MAX_POINTS_PER_SERIES) {}

  tables(inner: TableSinkFactory): TableSinkFactory {
    return (name, header) => {
      const sink = inner(name, header);
      if (name !== 'timeseries.csv') return sink;
      const collector = new SeriesCollector(header, this.maxPoints);
      this.collector = collector;
      return {
        header: sink.header,
        row: (cells) => {
          sink.row(cells);
          collector.row(cells);
        },
        close: () => sink.close(),
      };
    };
  }

  /** The collected series (no columns when the run wrote no timeseries.csv). */
  series(): RunSeries {
    return this.collector?.series() ?? { durationSeconds: 0, columns: new Map() };
  }
}
