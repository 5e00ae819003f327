/**
 * Defaults of scenario.yaml fields that are not Kubernetes controller flags (those live beside their
 * controllers: HPA_DEFAULTS, STARTUP_DEFAULTS). Each value names what it mirrors or why it is chosen.
 */
import type { MetricsServerConfig, SchedulerConfig } from '../types.js';

export const SCENARIO_DEFAULTS = Object.freeze({
  /** spec.seed: seed of every random stream when neither the scenario nor --seed sets one. */
  seed: 1,
  /** spec.outputInterval: one timeline row per simulated minute. */
  outputIntervalSeconds: 60,
  /** spec.manifests: the `manifests/` folder beside scenario.yaml (as `kubectl apply -f manifests`). */
  manifests: Object.freeze(['manifests']) as readonly string[],
});

export const NODE_POOL_DEFAULTS = Object.freeze({
  /** kubelet --max-pods=110 (KubeletConfiguration maxPods). */
  maxPods: 110,
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
