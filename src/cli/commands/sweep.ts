/**
 * `scalesim sweep <scenario-dir> --grid <path>=<values> …`: runs the cartesian product of the grid
 * on worker threads (resuming a stopped sweep from its journal) and writes sweep.csv, pareto.csv,
 * sweep.json and, with --slo, best.json; prints the Pareto frontier and the SLO answer.
 * With --shards N it runs one shard (--shard i, or $JOB_COMPLETION_INDEX) and writes a part for
 * `scalesim merge`; with --shards N --emit-job it writes the Kubernetes Indexed Job that runs them all.
 */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { scenarioDirArg } from '../scenario-dir-arg.js';
import { formatProblem, UserInputError } from '../../errors/user-input-error.js';
import { prepareOutputFolder } from '../../report/output-folder.js';
import { ResultsFolder } from '../../report/results-folder.js';
import { formatSweepResult } from '../../sweep/format-sweep.js';
import { ALIAS_NAMES } from '../../sweep/grid-paths.js';
import { parseGridSpec } from '../../sweep/grid-spec.js';
import { resolveGrid } from '../../sweep/grid.js';
import type { JournalStart, SweepJournal } from '../../sweep/journal.js';
import { checkInMain, checkTasks, planSweep, settingTask, type SweepPlan } from '../../sweep/plan-sweep.js';
import { runSweep, type SweepRunResult } from '../../sweep/run-sweep.js';
import { shardIndexes } from '../../sweep/settings.js';
import { writeShardPart } from '../../sweep/shard-part.js';
import { parseWorkloadFocus } from '../../compare/workload-focus.js';
import { parseSlo, unjudgedClauses, type Slo } from '../../sweep/slo.js';
import { parseSeeds, refuseSeedBesideSeeds, seedsGridFlag } from '../../sweep/seeds-flag.js';
import { createSweepProgress } from '../../sweep/sweep-progress.js';
import { outputsJson, writeSweepOutputs, writeSweepReport, writtenFiles, type SweepOutputs } from '../../sweep/sweep-outputs.js';
import { DEFAULT_REPORT_FORMATS, resolveReportFormats, type WrittenReport } from '../../report/formats/registry.js';
import type { ReportFormat } from '../../report/formats/report-format.js';
import { formatTimeline, roundTimeline, sweepTimeline, type SweepMarks } from '../../sweep/sweep-timeline.js';
import { WorkerPool } from '../../sweep/worker-pool.js';
import { MAX_SWEEP_WORKERS } from '../../sweep/job-resources.js';
import { withExitCodes } from '../handle-errors.js';
import { onStopSignals } from '../stop-signals.js';
import { parseDurationFlag, parseSeed, safeName } from './run.js';
import { parseCount, type SweepFlags } from './sweep-flags.js';
import { emitJob, refuseJobFlagsWithoutJob } from './sweep-job.js';

/** --emit-job loads every setting up to this many (a load is about 20–40 ms); past it, every value of every axis. */
const EMIT_JOB_FULL_CHECK = 1000;

function journalNotice(start: JournalStart, journal: SweepJournal, toRun: number, total: number): string | undefined {
  switch (start.kind) {
    case 'resumed':
      if (start.rows.length === 0) return `resuming ${journal.path}: no setting had finished yet, ${toRun} to run`;
      return start.otherGrid
        ? `reusing ${start.rows.length} of ${total} settings finished by a sweep with another grid over the same inputs, seed and duration (${journal.path}), ${toRun} to run`
        : `resuming: ${start.rows.length} of ${total} settings already done (from ${journal.path}), ${toRun} to run`;
    case 'fresh':
      return `discarded the journal ${journal.path} (--fresh, or no setting had finished); starting fresh`;
    case 'new':
      return undefined;
  }
}

/** The shard this process runs: --shard, else $JOB_COMPLETION_INDEX (set in an Indexed Job's pods). */
function resolveShard(flags: SweepFlags, shards: number): number {
  if (flags.shard !== undefined) return parseCount(flags.shard, '--shard', 0, shards - 1);
  const env = process.env.JOB_COMPLETION_INDEX;
  if (env !== undefined && env !== '') return parseCount(env, 'JOB_COMPLETION_INDEX (environment)', 0, shards - 1);
  throw new UserInputError({
    file: '(command line)',
    field: '--shard',
    message: `--shards ${shards} needs the shard to run: --shard <0…${shards - 1}> or the JOB_COMPLETION_INDEX environment variable`,
    hint: 'or add --emit-job to write the Kubernetes Job that runs every shard',
  });
}


export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('run the cartesian product of parameter values on worker threads; write sweep.csv, the Pareto frontier and the cheapest setting meeting an SLO')
    .argument('<scenario-dir>', 'the scenario to sweep', scenarioDirArg)
    .option('--grid <path=values>', `a grid axis: <path>=v1,v2,… or first..last..step, with path an alias (${ALIAS_NAMES.join(', ')}) or <target>:<field.path>; a * in the object's name sets every match, e.g. hpa[*].targetCPU (repeatable; the first varies slowest)`, (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .option('--out <dir>', 'output folder (default: results/<scenario-name>-sweep, or …-sweep-shard-<i>)')
    .option('--seed <n>', 'the seed every setting runs with (default: the scenario seed)')
    .option('--seeds <list>', 'run every setting under each of these seeds, e.g. 1,2,3, 1..10 or 1..5,9, and judge it across them: the SLO met under every seed, mean cost, worst p95 (settings.csv has the spread)')
    .option('--duration <d>', 'simulated duration of every setting (e.g. 2h, 3d)')
    .option('--workers <n>', `worker threads (default: every core, here ${availableParallelism()}; at most one per setting)`)
    .option('--slo <clauses>', 'find the cheapest setting meeting every clause, e.g. "p95<300ms,served>99.9%"')
    .option('--report <formats>', `report formats to write: report.md with Mermaid charts, report.html (${DEFAULT_REPORT_FORMATS.join(',')} by default; not with --shards: give it to merge)`)
    .option('--no-report', 'write no report.md / report.html')
    .option('--workload <names>', 'report (and judge the SLO on) these workloads only, comma-separated, e.g. web (default: every workload; pause pods that hold headroom wait Pending by design)')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'no progress bar or progress lines')
    .option('--fresh', 'discard the journal of a stopped sweep instead of resuming it')
    .option('--shards <n>', 'split the settings into N shards (setting index % N)')
    .option('--shard <i>', 'the shard to run (default: $JOB_COMPLETION_INDEX); writes a part for scalesim merge')
    .option('--emit-job [file]', 'with --shards: write a Kubernetes Indexed Job running every shard (default sweep-job.yaml) and run nothing')
    .option('--image <ref>', 'Job: container image with scalesim (see the Dockerfile)', 'scalesim:latest')
    .option('--results-pvc <name>', 'Job: PersistentVolumeClaim mounted at /results for the parts', 'scalesim-results')
    .option('--parallelism <n>', 'Job: pods running at once (default: --shards)')
    .option('--job-name <name>', 'Job: metadata.name (default: scalesim-sweep-<scenario>)')
    .option('--job-cpu <cpu>', `Job: CPU request per pod, in cores (2, 1500m); the pod runs one worker per whole core, at most ${MAX_SWEEP_WORKERS}`, '1')
    .option('--job-memory <mem>', 'Job: memory request and limit per pod, in whole bytes (1Gi, 512Mi; m is thousandths)', '1Gi')
    .option('--job-scenario-dir <path>', 'Job: the scenario folder inside the image (default: <scenario-dir> as given, relative to /app)')
    .option('--backoff-limit-per-index <n>', 'Job: retries of each shard', '2')
    .addHelpText(
      'after',
      `
Examples:
  $ scalesim sweep scenarios/nginx-hpa-cpu --grid hpa.targetCPU=30,50,70 --grid hpa.scaleDownStabilizationSeconds=0,300 --slo "p95<8ms,served>=99.9%"
  $ scalesim sweep scenarios/scale-to-zero --grid keda.cooldownPeriod=30,300 --grid keda.pollingInterval=5,30 --workers 2
  $ scalesim sweep scenarios/nasa-diurnal --grid hpa.targetCPU=50..70..10 --seeds 1..5 --duration 3d --slo "p95<200ms"
  $ scalesim sweep scenarios/flask-hpa-ca --grid "HorizontalPodAutoscaler/hello-world-flask:spec.maxReplicas=6,8,10" --duration 1h
  $ scalesim sweep scenarios/overprovisioning-ca --grid Deployment/overprovisioning:spec.replicas=0,1,2 --workload web --slo "pendingPodSeconds<60"
  $ scalesim sweep scenarios/bench-large --grid "hpa[*].targetCPU=50,70" --duration 1h --slo "worstP95<2s" --report md
  $ for i in 0 1 2 3; do scalesim sweep scenarios/nasa-diurnal --grid hpa.targetCPU=40,50,60,70 --shards 4 --shard $i --out parts/shard-$i; done
  $ scalesim sweep scenarios/nasa-diurnal --grid hpa.targetCPU=40,50,60,70 --shards 4 --emit-job --image registry.example.com/scalesim:0.1.0
  $ scalesim merge parts/shard-0 parts/shard-1 parts/shard-2 parts/shard-3 --out results/nasa-sweep --slo "p95<250ms"

Grid values are YAML scalars separated by commas, or ranges first..last[..step] (50..70..10 is
50,60,70; a unit suffix is kept: 30s..300s..30s). Every setting runs with the same seed, or
under each of --seeds (the last axis, scenario.spec.seed; a grid over the seed is judged so too).
A stopped sweep resumes when the same command runs again (--fresh starts over). report.md and
report.html chart how each axis moves the p95, the cost and the served share. SLO metrics: p50
p95 p99 (ms or s, the busiest workload), worstP95 (ms or s, the highest of any workload), served
dropped (%), coldStarts, pendingPodSeconds, underProvisionedSeconds, scaleEvents, flapsPerHour,
peakReplicas, meanReplicas, peakNodes, meanNodes, cost, rolloutP95 (ms or s, the worst over a
rollout's stretch, a Deployment's or a StatefulSet's), longestRollout (s), unfinishedRollouts; operators < <= > >=.`,
    )
    .action((dir: string, flags: SweepFlags, command: Command) =>
      withExitCodes(async () => {
        const started = performance.now();
        refuseJobFlagsWithoutJob(flags, (attribute) => command.getOptionValueSource(attribute) === 'cli');
        const seed = flags.seed !== undefined ? parseSeed(flags.seed) : undefined;
        const durationSeconds = flags.duration !== undefined ? parseDurationFlag(flags.duration) : undefined;
        const workers = flags.workers !== undefined ? parseCount(flags.workers, '--workers', 1, MAX_SWEEP_WORKERS) : availableParallelism();
        if (workers > availableParallelism() && !flags.json) {
          process.stderr.write(`note: --workers ${workers} is more than this machine's ${availableParallelism()} cores: the extra workers share the cores, and each holds a simulator of its own (30–40 MiB)\n`);
        }
        const shards = flags.shards !== undefined ? parseCount(flags.shards, '--shards', 1, 100_000) : undefined;
        if (shards === undefined && (flags.shard !== undefined || flags.emitJob !== undefined)) {
          throw new UserInputError({ file: '(command line)', field: flags.shard !== undefined ? '--shard' : '--emit-job', message: 'needs --shards <n>' });
        }
        const slo: Slo | undefined = flags.slo !== undefined ? parseSlo(flags.slo) : undefined;
        if (slo && shards !== undefined) {
          throw new UserInputError({ file: '(command line)', field: '--slo', message: 'a shard writes a part, not the answer: give --slo to scalesim merge' });
        }
        if (typeof flags.report === 'string' && shards !== undefined) {
          throw new UserInputError({ file: '(command line)', field: '--report', message: 'a shard writes a part, not the report: give --report to scalesim merge' });
        }
        const formats = flags.report === false ? [] : resolveReportFormats(flags.report ?? DEFAULT_REPORT_FORMATS.join(','));
        const grid = withSeedsAxis(flags);
        const workloads = flags.workload !== undefined ? parseWorkloadFocus(flags.workload) : undefined;
        const request = {
          dir,
          grid,
          ...(seed !== undefined ? { seed } : {}),
          ...(durationSeconds !== undefined ? { durationSeconds } : {}),
          ...(workloads !== undefined ? { workloads } : {}),
        };
        if (shards !== undefined && flags.emitJob !== undefined) {
          const plan = await planSweep(request);
          // A Job's failure costs a pod per retry: check every setting, up to a bound, not only every value.
          const full = plan.settings.length <= EMIT_JOB_FULL_CHECK;
          if (full && plan.settings.length > 50 && !flags.json) process.stderr.write(`checking the ${plan.settings.length} settings as the pods will load them…\n`);
          const checked = await checkInMain(plan, full ? plan.settings.map(settingTask) : undefined);
          emitJob(dir, flags, plan, shards, checked);
          return;
        }
        const shard = shards !== undefined ? resolveShard(flags, shards) : undefined;
        if (grid.length === 0) resolveGrid([], []); // throws: a sweep needs a --grid
        // The workers start now and import the simulator while the sweep is planned and checked.
        const count = grid.map(parseGridSpec).reduce((n, g) => n * g.values.length, 1);
        const pool = new WorkerPool(Math.min(workers, shards !== undefined ? shardIndexes(count, shards, shard!).length : count));
        try {
          const plan = await planSweep(request);
          const plannedMs = performance.now();
          await pool.check(plan.base, checkTasks(plan));
          const checkedMs = performance.now();
          const marks = { commandMs: started, plannedMs, checkedMs };
          await sweepAndWrite({ dir, flags, plan, pool, slo, formats, marks, ...(shards !== undefined ? { shards, shard: shard! } : {}) });
        } finally {
          await pool.close();
        }
      }, { json: flags.json }),
    );
}

/** The --grid flags, with --seeds as the last axis (scenario.spec.seed). */
function withSeedsAxis(flags: SweepFlags): string[] {
  const grid = flags.grid ?? [];
  if (flags.seeds === undefined) return grid;
  refuseSeedBesideSeeds(flags.seed, flags.seeds);
  const seedGrid = grid.find((g) => /^\s*scenario[.:]spec\.seed\s*$/.test(parseGridSpec(g).path));
  if (seedGrid !== undefined) throw new UserInputError({ file: '(command line)', field: '--seeds', message: `--seeds and --grid ${seedGrid} both vary the seed: give one` });
  return [...grid, seedsGridFlag(parseSeeds(flags.seeds))];
}

interface SweepContext {
  dir: string;
  flags: SweepFlags;
  plan: SweepPlan;
  pool: WorkerPool;
  slo: Slo | undefined;
  /** The report formats to write (none for a shard's part). */
  formats: readonly ReportFormat[];
  /** When the command started, the plan was made and the check done (performance.now()). */
  marks: Pick<SweepMarks, 'commandMs' | 'plannedMs' | 'checkedMs'>;
  shards?: number;
  shard?: number;
}

async function sweepAndWrite({ dir, flags, plan, pool, slo, formats, marks, shards, shard }: SweepContext): Promise<void> {
  const name = safeName(plan.identity.scenario || basename(resolve(dir)));
  const outDir = flags.out ?? join('results', shard !== undefined ? `${name}-sweep-shard-${shard}` : `${name}-sweep`);
  // Before any setting runs (and before the journal is made beside it): the folder the results replace.
  prepareOutputFolder(outDir);
  const indexes = shards !== undefined ? shardIndexes(plan.identity.settings, shards, shard!) : undefined;
  const total = indexes?.length ?? plan.identity.settings;
  const progress = createSweepProgress(flags.progress !== false && !flags.json);
  let journalPath = '';
  let saved = 0;
  let ranMs = 0;
  let openJournal: SweepJournal | undefined;
  let writing: ResultsFolder | undefined;
  // Ctrl-C, and SIGTERM as Kubernetes sends it to a Job's pod it deletes or evicts (node is PID 1 in
  // the image, where a signal without a handler is ignored, so the pod would wait for SIGKILL).
  // While the settings run or the outputs are written: the half-written folder goes, the journal
  // keeps what finished and its lock is released, so the same command resumes.
  const removeStopHandler = onStopSignals((signal) => {
    progress.stop();
    writing?.abort();
    openJournal?.close();
    const where = writing !== undefined ? ` while writing the outputs (nothing written to ${writing.target})` : '';
    process.stderr.write(`\nstopped (${signal})${where}: ${saved} of ${total} settings are saved in ${journalPath}; run the same command to resume\n`);
  });
  let run;
  let outputs;
  let report: WrittenReport | undefined;
  try {
    run = await runSweep(plan, {
      outDir,
      pool,
      fresh: flags.fresh === true,
      ...(indexes ? { indexes } : {}),
      progress,
      onJournal: (start, journal, toRun) => {
        openJournal = journal;
        journalPath = journal.path;
        saved = total - toRun;
        const notice = journalNotice(start, journal, toRun, total);
        if (notice && !flags.json) process.stderr.write(`${notice}\n`);
      },
      onRow: () => saved++,
    });
    ranMs = performance.now();
    const folder = (writing = new ResultsFolder(outDir));
    try {
      if (shard !== undefined) writeShardPart(folder, plan.identity, shards!, shard, run.rows);
      else {
        outputs = writeSweepOutputs(folder, plan.identity, run.rows, slo);
        report = await writeSweepReport(folder, plan.identity, outputs, formats);
      }
      folder.commit();
    } catch (error) {
      folder.abort();
      throw error;
    }
    writing = undefined;
    run.journal.remove();
  } finally {
    removeStopHandler();
  }
  const writtenMs = performance.now();
  // The whole wall time the user waited, from the process's start (performance.now()'s origin), so
  // that the phases printed under it, start-up included, add up to it as the CPU seconds beside it do.
  const seconds = writtenMs / 1000;
  const timeline = sweepTimeline({ ...marks, ranMs, writtenMs }, run.timings);
  // CPU time of the whole process, every thread (workers, V8's collector and compiler threads).
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  printSweepDone({ flags, plan, run, outputs, report, slo, shards, shard, target: resolve(outDir), seconds, cpuSeconds, timeline, workers: Math.min(pool.size, run.ran) });
}

interface SweepDone {
  flags: SweepFlags;
  plan: SweepPlan;
  run: SweepRunResult;
  /** The outputs written (none for a shard's part) and the report's files. */
  outputs: SweepOutputs | undefined;
  report: WrittenReport | undefined;
  slo: Slo | undefined;
  shards: number | undefined;
  shard: number | undefined;
  target: string;
  seconds: number;
  cpuSeconds: number;
  timeline: ReturnType<typeof sweepTimeline>;
  workers: number;
}

/** What a finished sweep prints: --json's summary, or the run line, the timeline, the frontier, the answer and the files. */
function printSweepDone({ flags, plan, run, outputs, report, slo, shards, shard, target, seconds, cpuSeconds, timeline, workers }: SweepDone): void {
  for (const notice of report?.notices ?? []) process.stderr.write(`${notice}\n`);
  if (flags.json) {
    const summary = {
      scenario: plan.identity.scenario,
      out: target,
      settings: plan.identity.settings,
      ...(shard !== undefined ? { shards, shard, shardSettings: run.rows.length } : {}),
      ran: run.ran,
      resumed: run.resumed,
      workers,
      wallSeconds: Number(seconds.toFixed(3)),
      cpuSeconds: Number(cpuSeconds.toFixed(3)),
      timeline: roundTimeline(timeline),
      ...(outputs ? outputsJson(outputs) : {}),
      warnings: plan.warnings.map(formatProblem),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const axes = plan.identity.axes.map((a) => `${a.name} (${a.values.length})`).join(' × ');
  const n = plan.identity.settings;
  const what = shard !== undefined ? `shard ${shard} of ${shards}: ${run.rows.length} of ${n} settings` : `${n} setting${n === 1 ? '' : 's'}`;
  process.stdout.write(`sweep ${plan.identity.scenario}: ${axes} = ${what}; ran ${run.ran} on ${workers} worker${workers === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} CPU s)${run.resumed > 0 ? `, resumed ${run.resumed}` : ''}${plan.base.workloads !== null ? `; figures of ${plan.base.workloads.join(', ')} only (--workload)` : ''}\n${formatTimeline(timeline)}\n`);
  if (outputs) {
    process.stdout.write(`${formatSweepResult(plan.identity.axes, outputs)}\n`);
    if (slo) for (const note of unjudgedClauses(slo, run.rows.map((r) => r.row))) process.stderr.write(`${note}\n`);
    process.stdout.write(`wrote ${writtenFiles(outputs, report)} under ${target}\n`);
  } else process.stdout.write(`wrote the part under ${target}; merge every shard with: scalesim merge <shard folders…> --out <dir>\n`);
  // The base scenario's warnings, as run prints them: a trace that ends before the run, say, holds for every setting.
  for (const w of plan.warnings) process.stdout.write(`warning: ${formatProblem(w)}\n`);
}
