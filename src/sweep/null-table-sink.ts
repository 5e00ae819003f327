/**
 * A table sink that drops every row unformatted: a sweep keeps only each setting's summary, and
 * formatting the time series and decision rows that nobody reads (as DiscardTableSink does, to
 * measure the cost of writing) took about 30% of a setting's run time on nasa-diurnal.
 */
import type { Cell } from '../report/csv-line.js';
import type { TableSink } from '../report/table-sink.js';

export class NullTableSink implements TableSink {
  constructor(readonly header: readonly string[]) {}

  row(_cells: readonly Cell[]): void {}

  close(): void {}
}
