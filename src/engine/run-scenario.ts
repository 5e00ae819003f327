/**
 * Runs a resolved scenario to its end: streams the time series and the decision log into table
 * sinks and returns the summary. Progress is reported in simulated seconds (for the CLI's bar).
 * runScenario runs it at once; runScenarioYielding returns to the event loop between chunks of
 * simulated time (at most a simulated day), so that a signal handler can stop it cleanly (the CLI
 * removes its half-written results on Ctrl-C). Both run the same events in the same order.
 */
import type { EventTimer } from '../core/simulation.js';
import type { SimObserver } from '../observe/observer.js';
import { MemoryTableSink, type TableSinkFactory } from '../report/table-sink.js';
import type { Scenario } from '../scenario/types.js';
import { buildCostCsvRows, COST_CSV_HEADER } from '../report/cost/cost-csv.js';
import type { CostReport } from '../report/cost/cost-report.js';
import { summarizeRun, type RunSummary } from '../report/summary.js';
import { buildRunCost } from './run-cost.js';
import { buildSimulation, type BuiltSimulation } from './build-simulation.js';
import { DecisionLog } from './decision-log.js';
import { TimeseriesRecorder } from './timeseries-recorder.js';

export interface RunResult {
  built: BuiltSimulation;
  cost: CostReport;
  timeseries: TimeseriesRecorder;
  decisions: DecisionLog;
  summary: RunSummary;
}

export interface RunOptions {
  /** Where tables go (default: memory). */
  tables?: TableSinkFactory;
  /** More observers of the run's decisions (tests, reports). */
  observers?: SimObserver[];
  /** Called once the simulation is built, before it runs (tests that inspect the cluster). */
  onBuilt?: (built: BuiltSimulation) => void;
  /** Called every `progressChunkSeconds` of simulated time with the simulated seconds done. */
  onProgress?: (simulatedSeconds: number) => void;
  /** Default: a hundredth of the run, at least an hour and at most a day of simulated time. */
  progressChunkSeconds?: number;
  /** Times each event by component (npm run bench:components); the run itself is unchanged. */
  timer?: EventTimer;
}

/** The run as steps: each runs one chunk of simulated time; the generator's return value is the result. */
function* runSteps(scenario: Scenario, options: RunOptions): Generator<number, RunResult> {
  const tables = options.tables ?? ((_name, header) => new MemoryTableSink(header));
  const metricCount = Math.max(
    1,
    ...scenario.hpas.map((h) => h.metrics.length),
    ...(scenario.scaledObjects ?? []).map((so) => Math.max(so.triggers.length, so.scalingModifiers ? 1 : 0)),
  );
  const decisions = new DecisionLog(metricCount, tables, scenario.decisions);
  // With `none` the log is not an observer, so controllers build no decision records at all.
  const built = buildSimulation(scenario, [...(scenario.decisions === 'none' ? [] : [decisions]), ...(options.observers ?? [])], options.timer);
  options.onBuilt?.(built);
  const timeseries = new TimeseriesRecorder(built, tables);
  timeseries.start();
  const end = scenario.durationSeconds;
  const chunk = options.progressChunkSeconds ?? Math.min(86_400, Math.max(3600, end / 100));
  for (let t = Math.min(chunk, end); ; t = Math.min(t + chunk, end)) {
    built.sim.runUntil(t);
    options.onProgress?.(t);
    if (t >= end) break;
    yield t;
  }
  // Events run strictly before the end; the last row closes the run at exactly `end`.
  timeseries.sample(end);
  timeseries.sink.close();
  decisions.sink.close();
  const cost = buildRunCost(built, end);
  const costTable = tables('cost.csv', COST_CSV_HEADER);
  for (const row of buildCostCsvRows(cost)) costTable.row(row);
  costTable.close();
  return { built, timeseries, decisions, cost, summary: summarizeRun(built, cost) };
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const steps = runSteps(scenario, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** runScenario, returning to the event loop after each chunk of simulated time. */
export async function runScenarioYielding(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const steps = runSteps(scenario, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
