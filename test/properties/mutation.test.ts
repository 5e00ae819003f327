/**
 * Robustness over mutated inputs (fast-check, fixed seed, bounded runs): any one field of a valid
 * scenario (scenario.yaml or a manifest) replaced by junk — wrong types, negatives, huge numbers,
 * bad quantities, empty values — gives either a run or a clean UserInputError, never anything else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { runScenario } from '../../src/engine/run-scenario.js';
import { isUserInputError } from '../../src/errors/user-input-error.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';
import { removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

const SCENARIO = readFileSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu', 'scenario.yaml'), 'utf8').replace('../traces/synthetic/burst-150rps.csv', 'traces/burst.csv');
const MANIFESTS = readFileSync(join(ROOT, 'scenarios', 'nginx-hpa-cpu', 'manifests', 'nginx.yaml'), 'utf8');
const TRACE = readFileSync(join(ROOT, 'scenarios', 'traces', 'synthetic', 'burst-150rps.csv'), 'utf8');

type Path = (string | number)[];

/** Every path to a leaf of a plain YAML value. */
function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

const JUNK: unknown[] = [-1, 0, 1e308, -1e-9, 'abc', '200x', '-5m', '', null, true, [], {}, 'NaN', '1e400', 3.7, '9999999999999999999Gi', '24:99'];

const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);
const targets = [
  { file: 'scenario.yaml', docs: docs(SCENARIO) },
  { file: 'manifests/nginx.yaml', docs: docs(MANIFESTS) },
];
const choices = targets.flatMap((t) => t.docs.flatMap((d, di) => leafPaths(d).map((path) => ({ file: t.file, doc: di, path }))));

function setIn(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

describe('mutated scenarios', () => {
  it('load and run, or fail with a clean input error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: choices.length - 1 }), fc.constantFrom(...JUNK), async (pick, junk) => {
        const choice = choices[pick]!;
        const files: Record<string, string> = { 'traces/burst.csv': TRACE };
        for (const t of targets) {
          const copy = t.docs.map((d) => structuredClone(d));
          if (t.file === choice.file) setIn(copy[choice.doc], choice.path, junk);
          files[t.file] = copy.map((d) => stringify(d)).join('---\n');
        }
        const dir = await writeScenarioFolder(files);
        folders.push(dir);
        try {
          const scenario = await loadScenario(dir, { durationSeconds: 600 });
          runScenario(scenario);
        } catch (error) {
          if (!isUserInputError(error)) {
            throw new Error(`${choice.file} ${choice.path.join('.')} = ${JSON.stringify(junk)}: ${(error as Error).stack}`);
          }
          expect(error.problems.length).toBeGreaterThan(0);
          for (const p of error.problems) expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: Number(process.env.MUTATION_SEED ?? 7), numRuns: Number(process.env.MUTATION_RUNS ?? 60) },
    );
  }, 120_000);
});
