/**
 * Defaults of scenario.yaml fields that are not Kubernetes controller flags (those live beside their
 * controllers: HPA_DEFAULTS, STARTUP_DEFAULTS). Each value names what it mirrors or why it is chosen.
 */
import type { InterruptionHandling } from '../../cloud/types.js';
import type { MetricsServerConfig, SchedulerConfig } from '../types.js';

export const SCENARIO_DEFAULTS = Object.freeze({
  /** spec.seed: seed of every random stream when neither the scenario nor --seed sets one. */
  seed: 1,
  /** spec.outputInterval: one timeline row per simulated minute. */
  outputIntervalSeconds: 60,
  /**
   * spec.decisions: decisions.csv holds every autoscaler decision (each HPA sync, KEDA poll, CA action).
   * `changes` keeps only rows that differ from the same autoscaler's previous row in anything but the
   * time, metric values and window ages; `none` writes the header only.
   */
  decisions: 'all' as 'all' | 'changes' | 'none',
  /** spec.manifests: the `manifests/` folder beside scenario.yaml (as `kubectl apply -f manifests`). */
  manifests: Object.freeze(['manifests']) as readonly string[],
});

export const NODE_POOL_DEFAULTS = Object.freeze({
  /** kubelet --max-pods=110 (KubeletConfiguration maxPods); an instanceType from the price tables brings its own (EKS ENI limit). */
  maxPods: 110,
  /**
   * Cloud request → Ready node, uniform in [90 s, 150 s]: a typical EC2 Linux node joining a cluster (an assumption,
   * not a published figure; the CA FAQ quotes 3–4 min on GCE, docs/fidelity-spec.md §4.2).
   */
  bootSeconds: Object.freeze({ min: 90, max: 150 }),
});

export const BILLING_DEFAULTS = Object.freeze({
  /** Billing step: per second (EC2 Linux on-demand and spot, ECI, Fargate); `granularity: 1h` bills per started hour. */
  granularitySeconds: 1,
  /** Minimum billed time per node: EC2 per-second billing charges at least 60 s per start; reserved capacity is paid whole. */
  minimumSeconds: Object.freeze({ onDemand: 60, spot: 60, reserved: 0 }),
  /** EC2 spot interruption notice: 2 minutes (Alibaba preemptible instances give 3 minutes, §5.2). */
  spotInterruptionNoticeSeconds: 120,
  /** What acts on a spot interruption notice: nothing, as in plain Kubernetes (no handler installed; src/cloud/node-teardown.ts). */
  spotInterruptionHandling: 'none' as InterruptionHandling,
  /** Hours of the month a reserved `monthlyPrice` pays for (the 730-hour month AWS and FinOps tools use). */
  hoursPerMonth: 730,
});

/** A virtual pool's node: finite sentinels for "no practical capacity" (quotas are virtual.maxPods / maxCpu). */
export const VIRTUAL_NODE_CAPACITY = Object.freeze({
  /** One million cores. */
  cpuMillicores: 1_000_000_000,
  /** One pebibyte. */
  memoryBytes: 2 ** 50,
  /** One million pods (virtual.maxPods replaces it when set). */
  maxPods: 1_000_000,
});

export const VIRTUAL_POOL_DEFAULTS = Object.freeze({
  /** The provider's image cache is off unless the scenario says so (ECI creates caches on request). */
  imageCache: false,
  /**
   * Virtual pod start-up (docs/fidelity-spec.md §5.2, ECI): scheduling + sandbox ≈ 5–10 s; a 386 MB image pulls in
   * ≈ 50 s without the cache and 0–5 s with it; container start is the app's. Fargate and ACI publish no figure:
   * the same values are assumed.
   */
  startup: Object.freeze({ sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, containerStartSeconds: 2 }),
});

export const TRACE_BINDING_DEFAULTS = Object.freeze({
  /** Trace-format registry key (src/load/trace-formats/registry.ts). */
  format: 'csv',
  /** Rate multiplier: the trace as recorded. */
  scale: 1,
  /** Simulation t=0 is the trace's `start` (first row) exactly. */
  shiftSeconds: 0,
  /** No repetition: the load is 0 after the trace ends. */
  loop: false,
});

export const LOAD_MODEL_DEFAULTS = Object.freeze({
  /** An idle pod uses no CPU. */
  baseCpuMillicores: 0,
  /** An idle pod has no working set. */
  baseMemoryBytes: 0,
  /** Memory does not grow with load. */
  memoryBytesPerRequestPerSecond: 0,
  /** No queue: what the ready pods cannot serve at once is dropped. */
  maxBacklogRequests: 0,
});

export const SERIES_DEFAULTS = Object.freeze({
  /** Pods metrics: the series is a total, split equally over the ready pods. */
  perPod: 'total' as const,
  /** The series as recorded. */
  scale: 1,
  /** The adapter serves the current value (no scrape lag). */
  delaySeconds: 0,
});

export const METRICS_SERVER_DEFAULTS: Readonly<MetricsServerConfig> = Object.freeze({
  /** --metric-resolution=15s as the shipped manifests set it (binary default 60 s; options.go). */
  resolutionSeconds: 15,
});

/** metrics-server rejects --metric-resolution below 10 s (options.go Validate). */
export const METRICS_SERVER_MIN_RESOLUTION_SECONDS = 10;

export const SCHEDULER_DEFAULTS: Readonly<SchedulerConfig> = Object.freeze({
  /** NodeResourcesFit scoringStrategy.type (SetDefaults_NodeResourcesFitArgs: LeastAllocated). */
  scoringStrategy: 'LeastAllocated' as const,
});

export const QUEUE_DEFAULTS = Object.freeze({
  /** The queue holds every message (maxMessages unset = unbounded). */
  maxMessages: Number.POSITIVE_INFINITY,
});

export const JOB_RUN_DEFAULTS = Object.freeze({
  /** A Job takes one message (the KEDA "one job per message" pattern). */
  messagesPerJob: 1,
});
