/**
 * The training run of the code cache (cached-bundle.ts), started by `npm run build` once the bundle
 * is made: loads the bundle without a cache, runs `scalesim run` on three bundled scenarios for a
 * simulated day or two each (the HPA with the Markdown report, KEDA, the cluster-autoscaler) into a
 * temporary folder that is then removed, so that V8 compiles what a run uses, and writes the cache
 * file. The runs' output is not kept: only which functions got compiled matters, and their
 * bytecode does not depend on the data. Exits non-zero, and writes no cache, when a run fails.
 *
 *   node dist/launch/train-code-cache.js
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE_FILE, codeCacheOf, loadBundle } from './cached-bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each training run: a bundled scenario and the flags it runs with. */
const TRAINING_RUNS: readonly (readonly string[])[] = [
  ['nasa-diurnal', '--duration', '2d', '--report', 'md'],
  ['kafka-lag', '--duration', '1d', '--no-report'],
  ['active-users-ca', '--duration', '1d', '--no-report'],
];

async function train(): Promise<void> {
  const loaded = loadBundle(undefined, null);
  const scratch = mkdtempSync(join(tmpdir(), 'scalesim-code-cache-'));
  try {
    for (const [scenario, ...flags] of TRAINING_RUNS) {
      const out = join(scratch, scenario!);
      await loaded.exports.runCli(['node', 'scalesim', 'run', join(ROOT, 'scenarios', scenario!), '--out', out, '--no-progress', ...flags]);
      if (process.exitCode !== undefined && process.exitCode !== 0) throw new Error(`the training run of ${scenario} failed (exit code ${process.exitCode})`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Written whole, then renamed: a process starting meanwhile reads the old cache or the new one.
  const partial = `${CODE_CACHE_FILE}.partial`;
  writeFileSync(partial, codeCacheOf(loaded));
  renameSync(partial, CODE_CACHE_FILE);
}

await train();
