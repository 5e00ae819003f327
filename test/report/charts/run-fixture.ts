/** Runs a bundled scenario in memory with the chart recorder attached, as `scalesim run` does. */
import { join } from 'node:path';
import { runScenario, type RunResult } from '../../../src/engine/run-scenario.js';
import { ChartSeriesRecorder } from '../../../src/report/charts/series-collector.js';
import type { RunSeries } from '../../../src/report/charts/time-series.js';
import { MemoryTableSink } from '../../../src/report/table-sink.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { ROOT } from '../../helpers/run-cli.js';

export interface RunWithSeries {
  result: RunResult;
  series: RunSeries;
}

export async function runWithSeries(name: string, overrides: { seed?: number; durationSeconds?: number } = {}): Promise<RunWithSeries> {
  const scenario = await loadScenario(join(ROOT, 'scenarios', name), overrides);
  const recorder = new ChartSeriesRecorder();
  const result = runScenario(scenario, { tables: recorder.tables((_name, header) => new MemoryTableSink(header)) });
  return { result, series: recorder.series() };
}
