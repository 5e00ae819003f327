/**
 * The scenario.yaml schema (apiVersion scalesim.dev/v1alpha1, kind Scenario). Parsing converts
 * every duration to seconds and every quantity to millicores / bytes, and fills the defaults.
 * `scenarioJsonSchema()` emits the input side as JSON Schema (for editors).
 *
 * ```yaml
 * apiVersion: scalesim.dev/v1alpha1
 * kind: Scenario
 * metadata:
 *   name: nasa-diurnal              # default: the folder name
 *   description: free text
 * spec:
 *   seed: 42                        # integer ≥ 0, default 1 (--seed overrides)
 *   duration: 27d                   # duration or seconds; default: span of the longest trace bound to a workload
 *   outputInterval: 1m              # > 0, default 60 s
 *   manifests: [manifests]          # files or folders (every *.yaml/*.yml, by name) relative to this folder
 *   traces:                         # name → binding
 *     nasa:
 *       file: ../traces/nasa-http-1995-07_1min.csv   # relative to this folder
 *       format: csv                 # trace-format registry key, default csv
 *       valueKind: countPerBucket   # countPerBucket | ratePerSecond | activeUsers (required)
 *       requestsPerUserPerSecond: 0.02   # > 0, required iff activeUsers
 *       bucket: 1m                  # default: the trace's most common step
 *       scale: 1                    # > 0, default 1
 *       shift: 0s                   # may be negative (skips the start of the trace), default 0
 *       start: "1995-07-01T00:00:00-04:00"   # trace instant mapped to t=0, default: the first row
 *       loop: false                 # repeat the trace when it ends, default false
 *   nodePools:                      # at least one
 *     - name: default
 *       count: 3                    # integer ≥ 0
 *       cpu: "4"                    # allocatable cpu quantity
 *       memory: 16Gi                # allocatable memory quantity
 *       maxPods: 110                # default 110 (kubelet --max-pods)
 *       labels: {}
 *       taints: []                  # {key, value?, effect: NoSchedule | PreferNoSchedule | NoExecute}
 *   workloads:                      # load model, keyed by the Deployment/StatefulSet metadata.name
 *     web:
 *       trace: nasa                 # a key of spec.traces (required)
 *       cpuMillicoreSecondsPerRequest: 20   # > 0 (required)
 *       baseCpuMillicores: 5        # default 0
 *       baseMemory: 64Mi            # default 0
 *       memoryPerRequestPerSecond: 0   # bytes per request/s, default 0
 *       maxRequestsPerSecondPerPod: 50 # default: derived from the CPU cap
 *       maxBacklogRequests: 1000    # default 0 (drop what cannot be served at once)
 *       serviceTimeSeconds: 0.02    # default cpuMillicoreSecondsPerRequest / 1000
 *       container: web              # default: the first container
 *   series:                         # HPA Pods/Object/External metricName → source
 *     packets-per-second: { trace: pps, perPod: perPod, scale: 1, delay: 30s }
 *     requests-per-second: { workload: web, quantity: servedRequestsPerSecond, perPod: total }
 *   controllers:
 *     hpa: { syncPeriod: 15s, tolerance: 0.1, downscaleStabilization: 5m,
 *            cpuInitializationPeriod: 5m, initialReadinessDelay: 30s, configurableTolerance: true }
 *     metricsServer: { metricResolution: 15s }   # ≥ 10 s, as metrics-server enforces
 *     scheduler: { scoringStrategy: LeastAllocated }   # or MostAllocated
 *   startup: { scheduling: 1s, imagePull: 5s, containerStart: 1s, termination: 2s, jitterRatio: 0.2 }
 * ```
 */
import { z } from 'zod';
import { ControllersSchema, StartupSchema } from './controllers-schema.js';
import { nonNegativeInteger, positiveDurationSeconds } from './fields.js';
import { LoadModelSchema } from './load-model-schema.js';
import { NodePoolSchema } from './node-pool-schema.js';
import { SCENARIO_DEFAULTS } from './scenario-defaults.js';
import { SeriesSchema } from './series-schema.js';
import { TraceBindingSchema } from './trace-binding-schema.js';

export const SCENARIO_API_VERSION = 'scalesim.dev/v1alpha1';
export const SCENARIO_KIND = 'Scenario';

export const ScenarioSpecSchema = z.strictObject({
  seed: nonNegativeInteger('seed of the random streams').default(SCENARIO_DEFAULTS.seed),
  duration: positiveDurationSeconds('duration').optional(),
  outputInterval: positiveDurationSeconds('outputInterval').default(SCENARIO_DEFAULTS.outputIntervalSeconds),
  manifests: z
    .array(z.string().min(1))
    .default(() => [...SCENARIO_DEFAULTS.manifests])
    .describe('a list of manifest files or folders, relative to the scenario folder'),
  traces: z.record(z.string(), TraceBindingSchema).default({}).describe('a map of trace name → trace binding'),
  nodePools: z.array(NodePoolSchema).min(1).describe('a list of node pools (at least one)'),
  workloads: z.record(z.string(), LoadModelSchema).default({}).describe('a map of workload name → load model'),
  series: z.record(z.string(), SeriesSchema).default({}).describe('a map of metric name → series source'),
  controllers: ControllersSchema.prefault({}),
  startup: StartupSchema.prefault({}),
});

export const ScenarioDocumentSchema = z.strictObject({
  apiVersion: z.literal(SCENARIO_API_VERSION).describe(SCENARIO_API_VERSION),
  kind: z.literal(SCENARIO_KIND).describe(SCENARIO_KIND),
  metadata: z
    .strictObject({
      name: z.string().min(1).optional().describe('the scenario name (default: the folder name)'),
      description: z.string().optional(),
    })
    .optional(),
  spec: ScenarioSpecSchema,
});

export type ScenarioDocument = z.output<typeof ScenarioDocumentSchema>;
export type ScenarioSpecInput = z.output<typeof ScenarioSpecSchema>;

/** JSON Schema of what users write in scenario.yaml (the input side: durations and quantities as text). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioDocumentSchema, { io: 'input' }) as Record<string, unknown>;
}
