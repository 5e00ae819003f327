/**
 * Plans a sweep before anything runs: loads the base scenario (every problem in it is reported as
 * `run` would), resolves the grid against its manifests, fixes the seed and duration every setting
 * uses, fingerprints the inputs and lists the settings. The up-front check loads a covering set of
 * settings (every value of every axis at least once; on the workers, or here with checkInMain) so
 * a bad value stops the sweep before the first run. A setting bad only in combination
 * (minReplicas 5 with maxReplicas 3) is reported when it runs.
 */
import { checkWorkloadFocus } from '../compare/workload-focus.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isUserInputError, UserInputError } from '../errors/user-input-error.js';
import { resolveInScenario } from '../scenario/files.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { enableYamlParseCache } from '../scenario/yaml/yaml-file.js';
import type { Warning } from '../scenario/types.js';
import { buildId, settingRowsFingerprint, sweepFingerprint, toolVersion } from './fingerprint.js';
import { resolveGrid, scenarioSpecAxis, type GridAxis } from './grid.js';
import { loadSetting, type SettingTask, type SweepBase } from './run-setting.js';
import { manifestFiles, readScenarioDocuments, valueAt, type InputFile } from './scenario-documents.js';
import { SettingProblems } from './setting-problems.js';
import { allSettings, coveringSettings, type Setting } from './settings.js';
import type { SweepIdentity } from './sweep-identity.js';

export interface SweepRequest {
  dir: string;
  grid: readonly string[];
  seed?: number;
  durationSeconds?: number;
  /** --workload: the workloads whose figures the rows report (default every workload). */
  workloads?: string[];
}

export interface SweepPlan {
  identity: SweepIdentity;
  /** settingRowsFingerprint: rows of another grid's journal with this one serve settings of the same id. */
  rowsFingerprint: string;
  base: SweepBase;
  settings: Setting[];
  /** The base scenario's load warnings (a trace shorter than the run…), which every setting shares unless it changes what they are about. */
  warnings: Warning[];
}

function varies(axes: readonly GridAxis[], field: string): GridAxis | undefined {
  return axes[scenarioSpecAxis(axes, field)];
}

function conflict(axis: GridAxis, flag: string): UserInputError {
  return new UserInputError({ file: '(command line)', field: flag, message: `${flag} would override every value of --grid ${axis.name}: give one or the other` });
}

/** The trace files the base scenario binds. */
function traceFileNames(scenarioValue: unknown): string[] {
  const traces = valueAt(scenarioValue, ['spec', 'traces']);
  if (traces === null || typeof traces !== 'object') return [];
  return Object.values(traces as Record<string, unknown>).flatMap((binding) => {
    const file = valueAt(binding, ['file']);
    return typeof file === 'string' ? [file] : [];
  });
}

/**
 * Files a grid value names, which the base scenario may not read: a trace file
 * (`scenario.spec.traces.<name>.file=a.csv,b.csv`) or a manifest entry
 * (`scenario.spec.manifests[1]=manifests-a,manifests-b`, every manifest file of a folder). Their
 * contents decide the rows of the settings with that value, so they are fingerprinted too: a
 * resumed sweep or a shard's part made before such a file changed does not pass for one made after.
 */
function gridValueFiles(axes: readonly GridAxis[]): { traces: string[]; manifestEntries: string[] } {
  const traces: string[] = [];
  const manifestEntries: string[] = [];
  for (const axis of axes) {
    if (axis.target !== 'scenario') continue;
    const [spec, section, name, field] = axis.fieldPath;
    if (spec !== 'spec') continue;
    const texts = axis.values.flatMap((v) => (typeof v.value === 'string' ? [v.value] : []));
    if (section === 'traces' && typeof name === 'string' && field === 'file' && axis.fieldPath.length === 4) traces.push(...texts);
    if (section === 'manifests' && typeof name === 'number' && axis.fieldPath.length === 3) manifestEntries.push(...texts);
  }
  return { traces, manifestEntries };
}

/**
 * The contents of `files` (resolved in the scenario folder), each file once and none of `skip`
 * (absolute paths already read): bench-large's thousand workloads share five traces (hashed a
 * thousand times, 1 s). A file that cannot be read is left out: the up-front check reports it,
 * naming the setting.
 */
async function inputFiles(dir: string, files: readonly string[], skip: ReadonlySet<string>): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set(skip);
  for (const full of files) {
    const key = path.resolve(full);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push({ relative: path.relative(dir, full).split(path.sep).join('/'), content: await readFile(full) });
    } catch {
      // Unreadable: the check that follows says so.
    }
  }
  return out;
}

export function settingTask(s: Setting): SettingTask {
  return { index: s.index, id: s.id, values: s.values, label: s.label, patches: s.patches };
}

export async function planSweep(request: SweepRequest): Promise<SweepPlan> {
  // The base scenario and the grid's documents read the same files (and --emit-job's check loads them again).
  enableYamlParseCache();
  const baseScenario = await loadScenario(request.dir, {
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.durationSeconds !== undefined ? { durationSeconds: request.durationSeconds } : {}),
  });
  const { documents, files } = await readScenarioDocuments(request.dir);
  const axes = resolveGrid(request.grid, documents);
  const seedAxis = varies(axes, 'seed');
  const durationAxis = varies(axes, 'duration');
  if (seedAxis && request.seed !== undefined) throw conflict(seedAxis, '--seed');
  if (durationAxis && request.durationSeconds !== undefined) throw conflict(durationAxis, '--duration');
  if (request.workloads !== undefined) checkWorkloadFocus(request.workloads, baseScenario, `scenario ${baseScenario.name}`);
  const base: SweepBase = {
    dir: request.dir,
    seed: seedAxis ? null : baseScenario.seed,
    durationSeconds: durationAxis ? null : baseScenario.durationSeconds,
    workloads: request.workloads ?? null,
  };
  const scenarioDoc = documents.find((d) => d.target === 'scenario');
  const named = gridValueFiles(axes);
  const read = new Set(files.map((f) => path.resolve(request.dir, f.relative)));
  const traces = [...traceFileNames(scenarioDoc?.value), ...named.traces].map((name) => resolveInScenario(request.dir, name));
  const inputs = [...files, ...(await inputFiles(request.dir, [...traces, ...(await manifestFiles(request.dir, named.manifestEntries))], read))];
  const version = toolVersion();
  const fingerprinted = { version, build: buildId(), files: inputs, seed: base.seed, durationSeconds: base.durationSeconds, ...(base.workloads !== null ? { workloads: base.workloads } : {}) };
  const fingerprint = sweepFingerprint({ ...fingerprinted, axes });
  const settings = allSettings(axes);
  return {
    identity: {
      scenario: baseScenario.name,
      scalesimVersion: version,
      fingerprint,
      seed: base.seed,
      durationSeconds: base.durationSeconds,
      ...(base.workloads !== null ? { workloads: base.workloads } : {}),
      axes,
      settings: settings.length,
    },
    rowsFingerprint: settingRowsFingerprint(fingerprinted),
    base,
    settings,
    warnings: baseScenario.warnings,
  };
}

/** The settings the up-front check loads: every value of every axis at least once. */
export function checkTasks(plan: SweepPlan): SettingTask[] {
  return coveringSettings(plan.identity.axes).map(settingTask);
}

/**
 * The up-front check in this thread (for --emit-job, which starts no workers): every problem of
 * every setting of `tasks` (default: the covering set) together. Returns how many it loaded.
 */
export async function checkInMain(plan: SweepPlan, tasks: readonly SettingTask[] = checkTasks(plan)): Promise<number> {
  const problems = new SettingProblems();
  for (const task of tasks) {
    try {
      await loadSetting(plan.base, task);
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      problems.add(task, error.problems);
    }
  }
  const error = problems.error();
  if (error) throw error;
  return tasks.length;
}
