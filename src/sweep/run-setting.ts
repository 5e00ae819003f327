/**
 * Runs one setting of a sweep: loads the scenario with the setting's patches (and the sweep's seed
 * and duration), simulates it keeping no tables (rows dropped unformatted), and returns its sweep
 * row. Runs in the worker threads; loadSetting alone is the up-front check of a setting.
 */
import { comparisonRow } from '../compare/comparison-row.js';
import { ScaleEventCounter } from '../compare/scale-event-counter.js';
import { runScenario } from '../engine/run-scenario.js';
import { loadScenario, type ScenarioOverrides } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/types.js';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';
import { NullTableSink } from '../report/table-sink.js';
import type { SweepRow } from './sweep-row.js';

/** What every setting of a sweep shares. */
export interface SweepBase {
  dir: string;
  seed: number | null;
  durationSeconds: number | null;
  /** --workload: the workloads whose figures each row reports; null: every workload. */
  workloads: string[] | null;
}

/** The setting's part of the work, as sent to a worker. */
export interface SettingTask {
  index: number;
  id: string;
  values: string[];
  label: string;
  patches: DocumentPatch[];
}

export function loadSetting(base: SweepBase, task: Pick<SettingTask, 'patches'>): Promise<Scenario> {
  // A sweep keeps each setting's summary only: no decision rows are built (spec.decisions none).
  const overrides: ScenarioOverrides = { patches: task.patches, decisions: 'none' };
  if (base.seed !== null) overrides.seed = base.seed;
  if (base.durationSeconds !== null) overrides.durationSeconds = base.durationSeconds;
  return loadScenario(base.dir, overrides);
}

/** Runs the setting; `loaded` is its scenario when already loaded (by the up-front check). */
export async function runSetting(base: SweepBase, task: SettingTask, loaded?: Scenario): Promise<SweepRow> {
  const scenario = loaded ?? (await loadSetting(base, task));
  const counter = new ScaleEventCounter();
  const result = runScenario(scenario, { observers: [counter], tables: (_name, header) => new NullTableSink(header) });
  return { index: task.index, id: task.id, values: task.values, row: comparisonRow(task.id, task.label, result.summary, counter, base.workloads ?? undefined) };
}
