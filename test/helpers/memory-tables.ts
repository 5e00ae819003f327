/** The tables of a run kept in memory by file name (runScenario's `tables` option), for assertions. */
import { MemoryTableSink, type TableSinkFactory } from '../../src/report/table-sink.js';
import type { Cell } from '../../src/report/csv-line.js';

export class MemoryTables {
  private readonly sinks = new Map<string, MemoryTableSink>();

  readonly factory: TableSinkFactory = (name, header) => {
    const sink = new MemoryTableSink(header);
    this.sinks.set(name, sink);
    return sink;
  };

  /** The table written as `name` (timeseries.csv, decisions.csv…). */
  get(name: string): MemoryTableSink {
    const sink = this.sinks.get(name);
    if (sink === undefined) throw new Error(`the run wrote no ${name}`);
    return sink;
  }
}

/** The cell of `column` in the row whose time (first cell) is `timeSeconds`. */
export function cellAt(sink: MemoryTableSink, timeSeconds: number, column: string): Cell | undefined {
  return sink.rows.find((r) => r[0] === timeSeconds)![sink.header.indexOf(column)];
}
