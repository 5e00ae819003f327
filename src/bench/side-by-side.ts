/**
 * `npm run bench:ab -- <base>`: this checkout's engine against another build's, side by side. Each
 * round starts one process per build at the same time, one per core, on the same bench case with no
 * output, and times each run (wall and CPU seconds, and the process's peak RSS); rounds alternate
 * which process starts first.
 * Run together, the two builds meet the same host: on a shared machine a lone run's time moves by
 * ±30% from one minute to the next, while two runs side by side move together, so the ratio of the
 * medians is what a change did. A benchmark, not a test: it prints figures and asserts nothing.
 *
 *   npm run bench:ab -- 012a39a                              bench-large, 1 simulated hour, 3 rounds
 *   npm run bench:ab -- HEAD~3 --case nasa-diurnal --rounds 5
 *   npm run bench:ab -- ../other-clone --duration 6h --json  a folder holding another build's dist/
 *
 * A git revision is checked out in a temporary worktree that borrows this checkout's node_modules
 * and is compiled with tsc (about 30 s), then removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPaddedMarkdownTable } from '../report/markdown/markdown-table.js';
import { printedHelp, refuse } from './bench-args.js';
import { parseSideBySideArgs, SIDE_BY_SIDE_USAGE, SIDE_BY_SIDE_VALUED, summarizeRounds, type BuildRun, type SideBySideOptions, type SideBySideRound } from './side-by-side-options.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = fileURLToPath(new URL('./side-by-side-child.js', import.meta.url));

/** A folder's build, if it has one. */
function distOf(folder: string): string | undefined {
  const dist = join(resolve(folder), 'dist');
  return existsSync(join(dist, 'engine', 'run-scenario.js')) ? dist : undefined;
}

/** Checks `revision` out in a temporary worktree and compiles it; returns its dist and how to remove it. */
function buildRevision(revision: string): { dist: string; remove: () => void } | string {
  const commit = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: ROOT, encoding: 'utf8' });
  if (commit.status !== 0) return `"${revision}" is neither a folder holding a build (dist/) nor a git revision of ${ROOT}`;
  const parent = mkdtempSync(join(tmpdir(), 'scalesim-ab-'));
  const tree = join(parent, 'base');
  const remove = (): void => {
    spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
    rmSync(parent, { recursive: true, force: true });
  };
  const added = spawnSync('git', ['worktree', 'add', '--detach', '--quiet', tree, commit.stdout.trim()], { cwd: ROOT, encoding: 'utf8' });
  if (added.status !== 0) {
    remove();
    return `git worktree add failed: ${added.stderr.trim()}`;
  }
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  process.stderr.write(`compiling ${revision} (${commit.stdout.trim().slice(0, 12)}) in ${tree}…\n`);
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(tree, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (tsc.status !== 0 || distOf(tree) === undefined) {
    remove();
    return `compiling ${revision} failed:\n${tsc.stdout}${tsc.stderr}`;
  }
  return { dist: join(tree, 'dist'), remove };
}

/** One run of the case with the build in `dist`, in its own process. */
function runBuild(dist: string, options: SideBySideOptions): Promise<BuildRun> {
  const c = options.case;
  const duration = options.durationSeconds ?? c.durationSeconds;
  const args = [CHILD, dist, join(ROOT, 'scenarios', c.scenario), duration === undefined ? '-' : String(duration), c.overrides ?? '-', c.decisions ?? '-'];
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the run with ${dist} failed (exit ${code}):\n${err}`));
      else {
        try {
          resolveRun(JSON.parse(out) as BuildRun);
        } catch {
          reject(new Error(`the run with ${dist} printed no result:\n${out}${err}`));
        }
      }
    });
  });
}

async function runRounds(baseDist: string, thisDist: string, options: SideBySideOptions): Promise<SideBySideRound[]> {
  const rounds: SideBySideRound[] = [];
  for (let i = 0; i < options.rounds; i++) {
    const first = i % 2 === 0 ? 'base' : 'this';
    if (!options.json) process.stderr.write(`round ${i + 1}/${options.rounds}…\n`);
    // Both start now; the order only decides which gets its process a moment sooner.
    const [a, b] = first === 'base' ? [runBuild(baseDist, options), runBuild(thisDist, options)] : [runBuild(thisDist, options), runBuild(baseDist, options)];
    const [ra, rb] = await Promise.all([a, b]);
    rounds.push(first === 'base' ? { first, base: ra, this: rb } : { first, base: rb, this: ra });
  }
  return rounds;
}

function print(rounds: readonly SideBySideRound[], options: SideBySideOptions, baseLabel: string): void {
  const s = summarizeRounds(rounds);
  const f = (v: number, digits = 3): string => v.toFixed(digits);
  const header = ['round', 'first', 'base run s', 'base CPU s', 'base peak RSS MiB', 'this run s', 'this CPU s', 'this peak RSS MiB', 'this/base'];
  const rows = rounds.map((r, i) => [
    String(i + 1),
    r.first,
    f(r.base.runSeconds),
    f(r.base.cpuSeconds),
    f(r.base.peakRssMiB, 1),
    f(r.this.runSeconds),
    f(r.this.cpuSeconds),
    f(r.this.peakRssMiB, 1),
    f(r.this.runSeconds / r.base.runSeconds),
  ]);
  console.log(`${options.case.name}${options.durationSeconds !== undefined ? `, ${options.durationSeconds} simulated s` : ''}: this checkout against ${baseLabel}, two processes at once, no output`);
  console.log(formatPaddedMarkdownTable(header, rows, (i) => (i <= 1 ? 'left' : 'right')));
  console.log(`median run: base ${f(s.baseMedianRunSeconds)} s, this ${f(s.thisMedianRunSeconds)} s: this/base ${f(s.ratio)} (rounds ${s.roundRatios.map((r) => f(r)).join(', ')})`);
  console.log(`median peak RSS: base ${f(s.baseMedianPeakRssMiB, 1)} MiB, this ${f(s.thisMedianPeakRssMiB, 1)} MiB (each process alone in its memory, loading the build's modules unbundled)`);
  console.log(s.sameEvents ? `both builds processed ${rounds[0]!.this.events.toLocaleString('en-US')} events a run` : 'the builds processed different numbers of events: they do not simulate the same thing');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (printedHelp(argv, SIDE_BY_SIDE_VALUED, SIDE_BY_SIDE_USAGE)) return;
  const options = parseSideBySideArgs(argv);
  if (typeof options === 'string') return refuse('bench:ab', options, SIDE_BY_SIDE_USAGE);
  const thisDist = join(ROOT, 'dist');
  const isFolder = existsSync(options.base);
  const folder = isFolder ? distOf(options.base) : undefined;
  if (isFolder && folder === undefined) return refuse('bench:ab', `${resolve(options.base)} holds no build (no dist/engine/run-scenario.js); run npm run build there`);
  const built = folder === undefined ? buildRevision(options.base) : { dist: folder, remove: () => {} };
  if (typeof built === 'string') return refuse('bench:ab', built);
  try {
    const rounds = await runRounds(built.dist, thisDist, options);
    if (options.json) console.log(JSON.stringify({ case: options.case.name, durationSeconds: options.durationSeconds ?? null, base: options.base, rounds, summary: summarizeRounds(rounds) }, null, 2));
    else print(rounds, options, options.base);
  } catch (error) {
    // A build that cannot run the case (an older revision without these modules, say): its own error, no stack.
    console.error(`bench:ab: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    built.remove();
  }
}

await main();
