/**
 * Plans a sweep before anything runs: loads the base scenario (every problem in it is reported as
 * `run` would), resolves the grid against its manifests, fixes the seed and duration every setting
 * uses, fingerprints the inputs, lists the settings, and loads a covering set of settings (every
 * value of every axis at least once) so a bad value stops the sweep before the first run.
 * A setting bad only in combination (minReplicas 5 with maxReplicas 3) is reported when it runs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isUserInputError, UserInputError, type InputProblem } from '../errors/user-input-error.js';
import { resolveInScenario } from '../scenario/files.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { buildId, sweepFingerprint, toolVersion } from './fingerprint.js';
import { resolveGrid, type GridAxis } from './grid.js';
import { loadSetting, type SettingTask, type SweepBase } from './run-setting.js';
import { readScenarioDocuments, valueAt, type InputFile } from './scenario-documents.js';
import { allSettings, coveringSettings, settingName, type Setting } from './settings.js';
import type { SweepIdentity } from './sweep-identity.js';

export interface SweepRequest {
  dir: string;
  grid: readonly string[];
  seed?: number;
  durationSeconds?: number;
}

export interface SweepPlan {
  identity: SweepIdentity;
  base: SweepBase;
  settings: Setting[];
}

function varies(axes: readonly GridAxis[], field: string): GridAxis | undefined {
  return axes.find((a) => a.target === 'scenario' && a.fieldPath.length === 2 && a.fieldPath[0] === 'spec' && a.fieldPath[1] === field);
}

function conflict(axis: GridAxis, flag: string): UserInputError {
  return new UserInputError({ file: '(command line)', field: flag, message: `${flag} would override every value of --grid ${axis.name}: give one or the other` });
}

async function traceFiles(dir: string, scenarioValue: unknown): Promise<InputFile[]> {
  const traces = valueAt(scenarioValue, ['spec', 'traces']);
  const out: InputFile[] = [];
  if (traces === null || typeof traces !== 'object') return out;
  for (const binding of Object.values(traces as Record<string, unknown>)) {
    const file = valueAt(binding, ['file']);
    if (typeof file !== 'string') continue;
    const full = resolveInScenario(dir, file);
    out.push({ relative: path.relative(dir, full).split(path.sep).join('/'), content: await readFile(full) });
  }
  return out;
}

export function settingTask(s: Setting): SettingTask {
  return { index: s.index, id: s.id, values: s.values, label: s.label, patches: s.patches };
}

export async function planSweep(request: SweepRequest): Promise<SweepPlan> {
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
  const base: SweepBase = {
    dir: request.dir,
    seed: seedAxis ? null : baseScenario.seed,
    durationSeconds: durationAxis ? null : baseScenario.durationSeconds,
  };
  const scenarioDoc = documents.find((d) => d.target === 'scenario');
  const inputs = [...files, ...(await traceFiles(request.dir, scenarioDoc?.value))];
  const version = toolVersion();
  const fingerprint = sweepFingerprint({ version, build: buildId(), files: inputs, axes, seed: base.seed, durationSeconds: base.durationSeconds });
  const settings = allSettings(axes);
  await checkSettings(base, coveringSettings(axes));
  return {
    identity: { scenario: baseScenario.name, scalesimVersion: version, fingerprint, seed: base.seed, durationSeconds: base.durationSeconds, axes, settings: settings.length },
    base,
    settings,
  };
}

/**
 * Loads each setting (no run); every problem of every one is reported together, each naming the
 * first setting that shows it (a bad value shared by several settings is reported once).
 */
async function checkSettings(base: SweepBase, settings: readonly Setting[]): Promise<void> {
  const problems = new Map<string, InputProblem>();
  for (const s of settings) {
    try {
      await loadSetting(base, s);
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      for (const p of error.problems) {
        const key = JSON.stringify([p.file, p.line, p.column, p.field, p.message]);
        if (!problems.has(key)) problems.set(key, { ...p, message: `${settingName(s)}: ${p.message}` });
      }
    }
  }
  if (problems.size > 0) throw new UserInputError([...problems.values()]);
}
