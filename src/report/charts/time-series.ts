/**
 * The data the charts are drawn from: sampled time series (parallel arrays of times and values)
 * and a run's series by timeseries.csv column name. Plain data, so comparisons can hold several.
 */

/** Values at ascending times in seconds; both arrays have the same length. */
export interface TimeSeries {
  timesSeconds: readonly number[];
  values: readonly number[];
}

/** A run's downsampled timeseries.csv columns (≤ a few hundred points each). */
export interface RunSeries {
  /** Simulated duration of the run, seconds. */
  durationSeconds: number;
  /** Column name (as in timeseries.csv, e.g. "nginx.ready_replicas") → its series. */
  columns: ReadonlyMap<string, TimeSeries>;
}
