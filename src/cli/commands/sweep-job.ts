/**
 * `scalesim sweep --shards N --emit-job`: checks the Job's own flags as the API server and the
 * kubelet would take them, writes the Kubernetes Indexed Job (../../sweep/job-manifest.ts) to a
 * file or standard output, and says how to run it and merge its parts.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserInputError } from '../../errors/user-input-error.js';
import { partsFolder, sweepJobYaml } from '../../sweep/job-manifest.js';
import { MAX_INDEXED_JOB_PARALLELISM, MAX_INT32, podMemoryBytes, podWorkers } from '../../sweep/job-resources.js';
import type { SweepPlan } from '../../sweep/plan-sweep.js';
import { safeName } from './run.js';
import { parseCount, type SweepFlags } from './sweep-flags.js';

/** A container image reference (distribution/reference's grammar, lightly): [host[:port]/]path[:tag][@sha256:digest]. */
const IMAGE_REFERENCE = /^(?:[A-Za-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** A DNS-1123 subdomain, as a PersistentVolumeClaim's name must be. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function jobFlagProblem(field: string, message: string): UserInputError {
  return new UserInputError({ file: '(command line)', field, message });
}

/** The flags that only shape the Job --emit-job writes (commander's attribute name, the flag). */
const JOB_ONLY_FLAGS: readonly [string, string][] = [
  ['image', '--image'],
  ['resultsPvc', '--results-pvc'],
  ['parallelism', '--parallelism'],
  ['jobName', '--job-name'],
  ['jobCpu', '--job-cpu'],
  ['jobMemory', '--job-memory'],
  ['jobScenarioDir', '--job-scenario-dir'],
  ['backoffLimitPerIndex', '--backoff-limit-per-index'],
];

/**
 * A Job flag given to a sweep that writes no Job (no --emit-job): it would be dropped unsaid, and
 * the sweep would run here instead of as the Job the user was shaping. Bad input, exit 2.
 */
export function refuseJobFlagsWithoutJob(flags: SweepFlags, givenOnCommandLine: (attribute: string) => boolean): void {
  if (flags.emitJob !== undefined) return;
  const given = JOB_ONLY_FLAGS.filter(([attribute]) => givenOnCommandLine(attribute)).map(([, flag]) => flag);
  if (given.length === 0) return;
  const one = given.length === 1;
  throw jobFlagProblem(given.join(', '), `${one ? 'shapes' : 'shape'} the Kubernetes Job that --emit-job writes, and this sweep writes none: add --shards <n> --emit-job, or leave ${one ? 'it' : 'them'} out`);
}

/** The Job's own flags, checked as the API server and the kubelet would take them: its parallelism and the workers each pod runs. */
function checkJobFlags(flags: SweepFlags, shards: number, settings: number): { parallelism: number; workers: number } {
  if (shards > settings) throw jobFlagProblem('--shards', `${shards} shards for ${settings} setting${settings === 1 ? '' : 's'}: expected at most ${settings} (a shard with no setting is a pod doing nothing)`);
  const parallelism = flags.parallelism !== undefined ? parseCount(flags.parallelism, '--parallelism', 1, MAX_INDEXED_JOB_PARALLELISM) : shards;
  if (!IMAGE_REFERENCE.test(flags.image)) throw jobFlagProblem('--image', `expected a container image reference such as registry.example.com/scalesim:0.1.0, got "${flags.image}"`);
  if (!DNS_SUBDOMAIN.test(flags.resultsPvc) || flags.resultsPvc.length > 253) {
    throw jobFlagProblem('--results-pvc', `expected a PersistentVolumeClaim name (lower-case letters, digits, - and ., at most 253 characters), got "${flags.resultsPvc}"`);
  }
  const workers = podWorkers(flags.jobCpu);
  if (!workers.ok) throw jobFlagProblem('--job-cpu', workers.expected);
  const memory = podMemoryBytes(flags.jobMemory);
  if (!memory.ok) throw jobFlagProblem('--job-memory', memory.expected);
  return { parallelism, workers: workers.value };
}

/** Flags of a local sweep that a Job does not use: said, not silently dropped. */
function ignoredJobFlags(flags: SweepFlags, name: string): string[] {
  const notes: string[] = [];
  if (flags.shard !== undefined) notes.push('--shard is not used with --emit-job: every shard runs, one per pod');
  if (flags.out !== undefined) notes.push(`--out is not used with --emit-job: the pods write to ${partsFolder(name)}/shard-<i> on the claim`);
  if (flags.workers !== undefined) notes.push('--workers is not used with --emit-job: each pod runs as many workers as --job-cpu');
  if (flags.fresh === true) notes.push('--fresh is not used with --emit-job');
  return notes;
}

/** Writes the Job's YAML to `file` (`-`: standard output); a path that cannot be written is bad input. */
function writeJobFile(file: string, yaml: string): void {
  if (file === '-') {
    process.stdout.write(yaml);
    return;
  }
  // Written beside the file and renamed over it, so a stopped or failed write leaves no half manifest.
  const temporary = `${file}.scalesim-tmp-${process.pid}`;
  try {
    writeFileSync(temporary, yaml);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? String(error);
    throw new UserInputError({ file, field: '--emit-job', message: `cannot write the Job manifest: ${why}`, hint: 'give a file path, e.g. --emit-job sweep-job.yaml, or - for standard output' });
  }
}

export function emitJob(dir: string, flags: SweepFlags, plan: SweepPlan, shards: number, checked: number): void {
  const file = flags.emitJob === true || flags.emitJob === undefined ? 'sweep-job.yaml' : flags.emitJob;
  const { parallelism, workers } = checkJobFlags(flags, shards, plan.identity.settings);
  const name = flags.jobName ?? `scalesim-sweep-${safeName(plan.identity.scenario).toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 52).replace(/-+$/, '');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 52) {
    throw new UserInputError({ file: '(command line)', field: '--job-name', message: `expected a DNS label of at most 52 characters (lower-case letters, digits, -), got "${name}"` });
  }
  // The image's working directory holds the repository (scenarios/ included): a folder under the
  // current directory is passed relative to it; anything else as given, with a note.
  const relativeDir = relative(process.cwd(), resolve(dir)).split(sep).join('/');
  const inside = relativeDir !== '' && !relativeDir.startsWith('..') && !isAbsolute(relativeDir);
  const scenarioDir = flags.jobScenarioDir ?? (inside ? relativeDir : dir);
  const sweepArgs = [
    ...plan.identity.axes.flatMap((a) => ['--grid', a.flag]),
    ...(flags.seed !== undefined ? ['--seed', flags.seed] : []),
    ...(flags.duration !== undefined ? ['--duration', flags.duration] : []),
    ...(plan.base.workloads !== null ? ['--workload', plan.base.workloads.join(',')] : []),
  ];
  const yaml = sweepJobYaml({
    name,
    image: flags.image,
    scenarioDir,
    sweepArgs,
    shards,
    parallelism,
    resultsPvc: flags.resultsPvc,
    cpu: flags.jobCpu,
    memory: flags.jobMemory,
    workers,
    backoffLimitPerIndex: parseCount(flags.backoffLimitPerIndex, '--backoff-limit-per-index', 0, MAX_INT32),
    fingerprint: plan.identity.fingerprint,
  });
  writeJobFile(file, yaml);
  const toStdout = file === '-';
  // With the manifest on standard output, everything else goes to standard error.
  const say = (text: string): boolean => (toStdout ? process.stderr.write(text) : process.stdout.write(text));
  for (const note of ignoredJobFlags(flags, name)) process.stderr.write(`note: ${note}\n`);
  const settings = plan.identity.settings;
  if (flags.json) {
    say(`${JSON.stringify({ job: toStdout ? '-' : resolve(file), name, shards, settings, checkedSettings: checked, parts: partsFolder(name), fingerprint: plan.identity.fingerprint }, null, 2)}\n`);
    return;
  }
  say(
    [
      `${toStdout ? 'wrote the manifest to standard output' : `wrote ${resolve(file)}`}: Job ${name}, ${shards} shards of ${settings} settings, image ${flags.image}, results on PVC ${flags.resultsPvc}`,
      checked === settings ? `  checked every setting (${settings}) as the pods will load it` : `  checked ${checked} of ${settings} settings (every value of every axis); a setting bad only in combination fails its shard's pod`,
      `  kubectl apply -f ${toStdout ? '<the manifest>' : file}`,
      `  kubectl wait --for=condition=complete job/${name} --timeout=24h`,
      `  then copy ${partsFolder(name)}/shard-* from the volume and run: scalesim merge <shard-0> … <shard-${shards - 1}> --out <dir>`,
      `  the pods read the scenario at ${scenarioDir} in the image (working directory /app)${flags.jobScenarioDir === undefined ? '; --job-scenario-dir changes it' : ''}`,
    ].join('\n') + '\n',
  );
}
