/**
 * Writes scenarios/bench-large: 1,000 Deployments, 700 behind an autoscaling/v2 HPA on CPU and 300
 * behind a KEDA ScaledObject (200 on the cpu trigger, 100 on a Prometheus request-rate trigger), on
 * one node group of 2-CPU nodes the cluster-autoscaler grows up to 2,000 nodes, for 24 simulated
 * hours. Each workload replays one of the bundled traces, time-shifted and scaled by its own draw.
 * Deterministic (one seeded stream): `npm run bench:generate` rewrites the same bytes, and a test
 * checks that the committed folder is what the generator writes.
 *
 * `--workloads N` writes the same cluster at another size, for measuring how the cost grows with
 * it: the first N workloads of the same draws, 70% behind an HPA, 20% a KEDA cpu trigger and 10% a
 * Prometheus trigger, with the node pool's start, minimum and maximum scaled alike.
 *
 *   node dist/bench/generate-bench-large.js [--workloads N] [out-dir]
 *     (default out-dir: scenarios/bench-large, or scenarios/bench-large-N for another size)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../core/rng.js';
import { parseBenchArgs, printedHelp, refuse } from './bench-args.js';

/** The size of a generated cluster. */
export interface BenchLargeSize {
  name: string;
  workloads: number;
  hpas: number;
  /** The rest of the ScaledObjects use a Prometheus trigger. */
  kedaCpu: number;
  startNodes: number;
  minNodes: number;
  maxNodes: number;
}

export const BENCH_LARGE = {
  seed: 7,
  name: 'bench-large',
  workloads: 1000,
  hpas: 700,
  kedaCpu: 200,
  durationHours: 24,
  startNodes: 400,
  minNodes: 100,
  maxNodes: 2000,
} as const;

/** bench-large with `workloads` workloads: the same mix and the node pool scaled alike (1,000 gives bench-large itself). */
export function benchLargeSize(workloads: number): BenchLargeSize {
  if (workloads === BENCH_LARGE.workloads) return BENCH_LARGE;
  const share = (n: number): number => Math.round((n * workloads) / BENCH_LARGE.workloads);
  return {
    name: `bench-large-${workloads}`,
    workloads,
    hpas: share(BENCH_LARGE.hpas),
    kedaCpu: share(BENCH_LARGE.kedaCpu),
    startNodes: Math.max(1, share(BENCH_LARGE.startNodes)),
    minNodes: Math.max(1, share(BENCH_LARGE.minNodes)),
    maxNodes: Math.max(2, share(BENCH_LARGE.maxNodes)),
  };
}

/** The bundled traces, with what a workload may skip (hours) so that 24 h remain. */
interface TraceSource {
  key: string;
  file: string;
  valueKind: 'countPerBucket';
  /** Requests per second at the trace's 99th percentile (per-bucket count ÷ bucket seconds). */
  p99Rps: number;
  spanHours: number;
}

const TRACE_FILES = [
  { key: 'nasa', file: 'nasa-http-1995-07_1min.csv', bucketSeconds: 60 },
  { key: 'worldcup', file: 'worldcup98-1998-06-29_to_07-13_1min.csv', bucketSeconds: 60 },
  { key: 'elb', file: 'nab-aws-elb-request-count-2014-04_5min.csv', bucketSeconds: 300 },
  { key: 'twitter', file: 'nab-twitter-volume-ups-2015_5min.csv', bucketSeconds: 300 },
] as const;
// The Azure LLM trace is left out: it is one hour of 1-second steps, so looped over a day it would
// add 86,400 load events per workload, a benchmark of trace stepping rather than of autoscaling.

function traceSources(tracesDir: string): TraceSource[] {
  return TRACE_FILES.map((t) => {
    const rows = readFileSync(join(tracesDir, t.file), 'utf8').trim().split('\n').slice(1);
    const values = rows.map((r) => Number(r.split(',')[1])).sort((a, b) => a - b);
    const p99 = values[Math.floor(values.length * 0.99)]! / t.bucketSeconds;
    const spanHours = (rows.length * t.bucketSeconds) / 3600;
    return { key: t.key, file: t.file, valueKind: 'countPerBucket', p99Rps: p99, spanHours };
  });
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

interface WorkloadPlan {
  name: string;
  trace: TraceSource;
  shiftHours: number;
  scale: number;
  cpuRequestMilli: number;
  replicas: number;
  maxReplicas: number;
  autoscaler: 'hpa' | 'keda-cpu' | 'keda-prometheus';
  targetPercent: number;
}

function plan(sources: TraceSource[], size: BenchLargeSize): WorkloadPlan[] {
  const rng = new Rng(BENCH_LARGE.seed).stream('bench-large');
  const plans: WorkloadPlan[] = [];
  for (let i = 0; i < size.workloads; i++) {
    const trace = sources[rng.int(sources.length)]!;
    const room = Math.max(0, trace.spanHours - BENCH_LARGE.durationHours);
    // Peak near 20–120 req/s: a 250–500m pod at its target serves about 10–25 req/s.
    const peakRps = 20 + 100 * rng.next();
    const autoscaler = i < size.hpas ? 'hpa' : i < size.hpas + size.kedaCpu ? 'keda-cpu' : 'keda-prometheus';
    plans.push({
      name: `svc-${String(i).padStart(4, '0')}`,
      trace,
      shiftHours: round(room * rng.next(), 2),
      scale: round(peakRps / trace.p99Rps, 6),
      cpuRequestMilli: [250, 300, 400, 500][rng.int(4)]!,
      replicas: 2 + rng.int(3),
      maxReplicas: 15 + rng.int(16),
      autoscaler,
      targetPercent: [50, 60, 70][rng.int(3)]!,
    });
  }
  return plans;
}

/** `scenarios/traces` as seen from the scenario folder (`../traces` for the bundled one). */
function scenarioYaml(plans: WorkloadPlan[], size: BenchLargeSize, tracesPath: string, schemaPath: string): string {
  const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    '# GENERATED by src/bench/generate-bench-large.ts (npm run bench:generate); do not edit by hand.',
    `# ${size.workloads} workloads (${size.hpas} HPA, ${size.kedaCpu} KEDA cpu, ${size.workloads - size.hpas - size.kedaCpu} KEDA prometheus),`,
    `# each replaying a bundled trace time-shifted and scaled by its own draw, on 2-CPU nodes the`,
    `# cluster-autoscaler grows up to ${size.maxNodes} nodes, for ${BENCH_LARGE.durationHours} h. The scale benchmark of \`npm run bench\`.`,
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'metadata:',
    `  name: ${size.name}`,
    `  description: ${size.workloads} HPA/KEDA workloads on up to ${size.maxNodes} cluster-autoscaled nodes, 24 h`,
    'spec:',
    `  seed: ${BENCH_LARGE.seed}`,
    `  duration: ${BENCH_LARGE.durationHours}h`,
    '  outputInterval: 5m',
    '  # A decision row per autoscaler sync would be 8.6 million rows: keep the ones that change something.',
    '  decisions: changes',
    '  manifests: [manifests]',
    '  traces:',
  ];
  for (const p of plans) {
    lines.push(`    ${p.name}:`);
    lines.push(`      file: ${tracesPath}/${p.trace.file}`);
    lines.push(`      valueKind: ${p.trace.valueKind}`);
    lines.push(`      scale: ${p.scale}`);
    if (p.shiftHours > 0) lines.push(`      shift: -${p.shiftHours}h`);
  }
  const prometheus = plans.filter((p) => p.autoscaler === 'keda-prometheus');
  // A small cluster may draw no Prometheus workload: then no series or triggers section (an empty key is null, not a map).
  if (prometheus.length > 0) {
    lines.push('  series:');
    for (const p of prometheus) {
      lines.push(`    ${p.name}-rps:`, `      workload: ${p.name}`, '      quantity: offeredRequestsPerSecond', '      delay: 30s');
    }
    lines.push('  triggers:');
    for (const p of prometheus) lines.push(`    ${p.name}/0:`, `      series: ${p.name}-rps`);
  }
  lines.push(
    '  nodePools:',
    '    - name: workers',
    `      count: ${size.startNodes}`,
    `      minSize: ${size.minNodes}`,
    `      maxSize: ${size.maxNodes}`,
    '      # A 2-vCPU, 4 GiB node (t3.medium-like) after system reservations.',
    '      cpu: 1930m',
    '      memory: 3400Mi',
    '      maxPods: 17',
    '      bootTime: { min: 60s, max: 120s }',
    '      billing:',
    '        kind: onDemand',
    '        # t3.medium on-demand, us-east-1 Linux (AWS price list).',
    '        pricePerHour: 0.0416',
    '        currency: USD',
    '  clusterAutoscaler:',
    '    expander: least-waste',
    '  workloads:',
  );
  for (const p of plans) {
    lines.push(
      `    ${p.name}:`,
      `      trace: ${p.name}`,
      '      cpuMillicoreSecondsPerRequest: 10',
      '      baseCpuMillicores: 5',
      '      baseMemory: 64Mi',
      '      maxBacklogRequests: 2000',
      '      serviceTimeSeconds: 0.02',
    );
  }
  return `${lines.join('\n')}\n`;
}

function manifestsYaml(plans: WorkloadPlan[]): string {
  const docs: string[] = [];
  for (const p of plans) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${p.name}
spec:
  replicas: ${p.replicas}
  selector:
    matchLabels: { app: ${p.name} }
  template:
    metadata:
      labels: { app: ${p.name} }
    spec:
      containers:
        - name: app
          image: registry.example/${p.name}:1.0
          resources:
            requests: { cpu: ${p.cpuRequestMilli}m, memory: 128Mi }
            limits: { cpu: ${2 * p.cpuRequestMilli}m, memory: 256Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 5`);
    if (p.autoscaler === 'hpa') {
      docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${p.name}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${p.name} }
  minReplicas: 2
  maxReplicas: ${p.maxReplicas}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: ${p.targetPercent} }`);
    } else {
      const trigger =
        p.autoscaler === 'keda-cpu'
          ? `    - type: cpu
      metricType: Utilization
      metadata: { value: "${p.targetPercent}" }`
          : `    - type: prometheus
      metadata:
        serverAddress: http://prometheus.monitoring.svc:9090
        query: sum(rate(http_requests_total{deployment="${p.name}"}[2m]))
        threshold: "${Math.round((p.cpuRequestMilli * p.targetPercent) / 100 / 10)}"`;
      docs.push(`apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: ${p.name}
spec:
  scaleTargetRef: { name: ${p.name} }
  pollingInterval: 30
  cooldownPeriod: 300
  minReplicaCount: 2
  maxReplicaCount: ${p.maxReplicas}
  triggers:
${trigger}`);
    }
  }
  return `# GENERATED by src/bench/generate-bench-large.ts; do not edit by hand.\n${docs.join('\n---\n')}\n`;
}

/**
 * The files of the scenario folder: relative path → text. `outDir` is where they go (the traces and
 * the schema are referred to from there); by default scenarios/ holds it, as it holds bench-large.
 */
export function benchLargeFiles(tracesDir: string, size: BenchLargeSize = BENCH_LARGE, outDir = join(dirname(tracesDir), size.name)): Map<string, string> {
  const plans = plan(traceSources(tracesDir), size);
  const from = (target: string): string => relative(outDir, target).split('\\').join('/');
  return new Map([
    ['scenario.yaml', scenarioYaml(plans, size, from(tracesDir), from(join(dirname(tracesDir), 'scenario.schema.json')))],
    ['manifests/workloads.yaml', manifestsYaml(plans)],
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export const GENERATE_USAGE = `usage: npm run bench:generate -- [--workloads N] [out-dir]
  --workloads  workloads to write, 1 to 100000: the first N of bench-large's draws (default 1000)
  out-dir      where to write (default scenarios/bench-large, or scenarios/bench-large-N for another size)
  -h, --help   this text`;

/** The options that take a value. */
export const GENERATE_VALUED = ['workloads'] as const;

/** The command line: the size and the folder, or what is wrong (one line, for exit code 2); parsed as the other bench tools' are. */
export function parseGenerateArgs(argv: readonly string[]): { size: BenchLargeSize; outDir: string | undefined } | string {
  const parsed = parseBenchArgs(argv, GENERATE_VALUED, false);
  if (typeof parsed === 'string') return parsed;
  const text = parsed.values.workloads;
  const workloads = text === undefined ? BENCH_LARGE.workloads : Number(text);
  if (text !== undefined && (text === '' || !Number.isInteger(workloads) || workloads < 1 || workloads > 100_000)) {
    return `--workloads: expected a whole number of workloads from 1 to 100000, got "${text}"`;
  }
  const [outDir, extra] = parsed.positionals;
  if (extra !== undefined) return `one output folder only, got "${outDir}" and "${extra}"`;
  return { size: benchLargeSize(workloads), outDir };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  if (printedHelp(argv, GENERATE_VALUED, GENERATE_USAGE)) process.exit(0);
  const args = parseGenerateArgs(argv);
  if (typeof args === 'string') {
    refuse('bench:generate', args, GENERATE_USAGE);
    process.exit(2);
  }
  const tracesDir = join(root, 'scenarios', 'traces');
  const out = resolve(args.outDir ?? join(root, 'scenarios', args.size.name));
  for (const [name, text] of benchLargeFiles(tracesDir, args.size, out)) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), text);
  }
  console.log(`wrote ${out} (${args.size.workloads} workloads)`);
}
