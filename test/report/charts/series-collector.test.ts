/**
 * The bounded copy of timeseries.csv: buckets of whole output intervals that double when full, the
 * max per column, rows passed on to the file unchanged.
 */
import { describe, expect, it } from 'vitest';
import { ChartSeriesRecorder, SeriesCollector } from '../../../src/report/charts/series-collector.js';
import { MemoryTableSink } from '../../../src/report/table-sink.js';

const HEADER = ['time_s', 'time_h', 'nodes', 'web.ready_replicas', 'hpa.metric1.cpu'];

describe('SeriesCollector', () => {
  it('keeps every row of a short run (one row per bucket), without the time columns', () => {
    const c = new SeriesCollector(HEADER);
    [15, 30, 45, 60].forEach((t, i) => c.row([t, t / 3600, 1, i, '']));
    const s = c.series();
    expect([...s.columns.keys()]).toEqual(['nodes', 'web.ready_replicas']);
    expect(s.columns.get('web.ready_replicas')).toEqual({ timesSeconds: [15, 30, 45, 60], values: [0, 1, 2, 3] });
    expect(s.durationSeconds).toBe(60);
  });

  it('bounds a 27-day run to at most maxPoints buckets of whole intervals and keeps each bucket’s peak', () => {
    const c = new SeriesCollector(HEADER);
    const rows = (27 * 86_400) / 300;
    for (let k = 1; k <= rows; k++) c.row([k * 300, 0, 1, k === 5000 ? 40 : 2, 0.5]);
    const ready = c.series().columns.get('web.ready_replicas')!;
    // 7776 rows: buckets double 1 → 32 rows, so 243 buckets ending at multiples of 32 intervals.
    expect(ready.values).toHaveLength(243);
    expect(ready.timesSeconds[0]).toBe(32 * 300);
    expect(ready.timesSeconds[1]).toBe(64 * 300);
    expect(ready.timesSeconds.at(-1)).toBe(27 * 86_400);
    expect(Math.max(...ready.values)).toBe(40);
    expect(ready.values.filter((v) => v === 40)).toHaveLength(1);
  });

  it.each([299, 300, 301, 1000])('never holds more than maxPoints buckets (%i rows)', (rows) => {
    const c = new SeriesCollector(HEADER);
    for (let k = 1; k <= rows; k++) c.row([k * 10, 0, k, 0, '']);
    const nodes = c.series().columns.get('nodes')!;
    expect(nodes.values.length).toBeLessThanOrEqual(300);
    expect(nodes.values.at(-1)).toBe(rows);
  });

  it('puts the short last row (a duration not a multiple of the interval) in its own bucket', () => {
    const c = new SeriesCollector(HEADER);
    [15, 30, 45, 50].forEach((t) => c.row([t, 0, t, 0, '']));
    expect(c.series().columns.get('nodes')).toEqual({ timesSeconds: [15, 30, 45, 50], values: [15, 30, 45, 50] });
  });

  it('holds the previous value where a column is blank (an HPA metric not read yet)', () => {
    const c = new SeriesCollector(HEADER);
    c.row([15, 0, 1, 1, '']);
    c.row([30, 0, 1, 1, 0.8]);
    c.row([45, 0, 1, 1, '']);
    expect(c.series().columns.get('hpa.metric1.cpu')?.values).toEqual([0.8, 0.8, 0.8]);
  });
});

describe('ChartSeriesRecorder', () => {
  it('passes every table row on unchanged and collects only timeseries.csv', () => {
    const recorder = new ChartSeriesRecorder();
    const sinks = new Map<string, MemoryTableSink>();
    const tables = recorder.tables((name, header) => {
      const sink = new MemoryTableSink(header);
      sinks.set(name, sink);
      return sink;
    });
    const ts = tables('timeseries.csv', HEADER);
    const other = tables('decisions.csv', ['time_s', 'nodes']);
    ts.row([15, 0, 2, 1, '']);
    ts.row([30, 0, 3, 1, '']);
    other.row([1, 99]);
    ts.close();
    expect(sinks.get('timeseries.csv')?.rows).toEqual([[15, 0, 2, 1, ''], [30, 0, 3, 1, '']]);
    expect(sinks.get('decisions.csv')?.rows).toEqual([[1, 99]]);
    expect(recorder.series().columns.get('nodes')?.values).toEqual([2, 3]);
  });

  it('gives no columns when the run wrote no timeseries', () => {
    expect(new ChartSeriesRecorder().series().columns.size).toBe(0);
  });
});
