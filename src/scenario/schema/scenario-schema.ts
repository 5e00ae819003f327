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
 *   startTime: "2023-11-16T18:17:03Z"   # calendar instant of t=0 (ISO-8601 with offset); default: the
 *                                   # start of the first trace bound to a workload (`start` or first row, minus shift)
 *   duration: 27d                   # duration or seconds; default: span of the longest trace bound to a workload
 *   outputInterval: 1m              # > 0, default 60 s
 *   decisions: all                  # all | changes | none: which rows decisions.csv keeps
 *   manifests: [manifests]          # files or folders (every *.yaml/*.yml/*.json, by name) relative to this folder
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
 *       count: 3                    # nodes at t = 0, integer ≥ 0; default minSize
 *       cpu: "4"                    # allocatable cpu quantity; required unless instanceType is given
 *       memory: 16Gi                # allocatable memory quantity; required unless instanceType is given
 *       maxPods: 110                # default: the instance type's (EKS ENI limit), else 110 (kubelet --max-pods)
 *       labels: {}
 *       taints: []                  # {key, value?, effect: NoSchedule | PreferNoSchedule | NoExecute}
 *     - name: reserved-base
 *       instanceType: m5.xlarge     # a bundled price-table type (src/cloud/prices): fills cpu/memory (allocatable =
 *                                   # the table's vCPU/memory unless cpu/memory are given), maxPods, and prices
 *       count: 2
 *       minSize: 2                  # default: count
 *       maxSize: 2                  # default: count; minSize < maxSize makes the pool autoscaled
 *       bootTime: { min: 60s, max: 120s }   # cloud request → Ready, uniform; or one duration; default {90s, 150s}
 *       expanderPriority: 10        # the priority expander's priority of the group (higher wins)
 *       billing:                    # optional; unset = not priced (costs reported as unknown)
 *         kind: reserved            # reserved | onDemand | spot
 *         pricePerHour: 0.125       # onDemand/spot: hourly price; reserved: effective hourly price …
 *         monthlyPrice: 91.25       # … or (reserved only) the monthly price, / 730 h
 *         currency: USD             # required with an explicit price; without a price, the instance type's
 *                                   # bundled price for `kind` is used (an error when the table has none)
 *         granularity: 1s           # billing step, default 1s; 1h = per started hour
 *         minimum: 60s              # minimum billed time per node; default 60s (onDemand, spot), 0 (reserved)
 *         interruptionRatePerHour: 0.05   # spot only: interruptions per node-hour (seeded Poisson); default none
 *         interruptionNotice: 2m    # spot only, default 2m (AWS; Alibaba preemptible: 3m)
 *         interruptionHandling: none  # spot only: none (plain Kubernetes: the node just goes at the end of the
 *                                   # notice) | drain (an interruption handler cordons and drains it on the notice)
 *     - name: eci                   # a virtual-kubelet burst pool: one node of no practical capacity (its
 *       virtual:                    # allocatable is VIRTUAL_NODE_CAPACITY: 10^6 cores, 1 PiB, maxPods 10^6 or
 *                                   # virtual.maxPods); count/minSize/maxSize unset or 1; no cpu/memory/billing
 *         provider: eci             # eci | aci | fargate
 *         pricing: default          # "default" (eci: general, fargate: x86), a bundled variant (eci: economy,
 *                                   # fargate: arm), or {currency, pricePerVcpuSecond, pricePerGibSecond,
 *                                   # minimum: 0s, memoryOverhead: 0, sizes: [{cpu, memory}, …]}; aci has no bundled table
 *         imageCache: false         # default false
 *         startup: { sandbox: 8s, imagePull: 50s, cachedImagePull: 3s, containerStart: 2s }   # these defaults (§5.2)
 *         maxPods: 500              # optional quota of pods at once
 *         maxCpu: "200"             # optional quota of vCPUs at once
 *         stockOuts: [{ from: 2h, to: 2h30m }]   # windows (since t = 0, from < to) in which new pods stay Pending
 *       labels: { type: virtual-kubelet }
 *       taints: [{ key: virtual-kubelet.io/provider, value: alibabacloud, effect: NoSchedule }]
 *   clusterAutoscaler:              # cluster-autoscaler flags; every field defaults to CA_DEFAULTS
 *     enabled: true                 # default: true exactly when some pool has minSize < maxSize
 *     scanInterval: 10s
 *     expander: least-waste         # or "priority,least-waste", or [priority, least-waste]; names: random,
 *                                   # most-pods, least-waste, least-nodes, price, priority
 *     scaleDownEnabled: true
 *     scaleDownUtilizationThreshold: 0.5
 *     scaleDownUnneededTime: 10m
 *     scaleDownUnreadyTime: 20m
 *     scaleDownDelayAfterAdd: 10m
 *     scaleDownDelayAfterDelete: 0s
 *     scaleDownDelayAfterFailure: 3m
 *     maxNodeProvisionTime: 15m
 *     maxNodesTotal: 0              # 0 = unlimited
 *     coresTotal: "0:320000"        # or {min, max}
 *     memoryTotal: "0:6400000"      # GiB; or {min, max}
 *     maxNodesPerScaleUp: 1000
 *     newPodScaleUpDelay: 0s
 *     maxScaleDownParallelism: 10
 *     maxDrainParallelism: 1
 *     maxGracefulTermination: 10m
 *     skipNodesWithSystemPods: true
 *     skipNodesWithLocalStorage: true
 *     ignoreDaemonSetsUtilization: false
 *     scaleDownUnreadyEnabled: true  # false: unready nodes are never scaled down
 *     maxBulkSoftTaintCount: 10      # unneeded nodes soft-tainted (PreferNoSchedule) a loop; 0 = off
 *     expendablePodsPriorityCutoff: -10 # pods below it neither trigger a scale-up nor hold a node
 *   currency:
 *     report: USD                   # default: the currency of most prices
 *     rates: [{ from: CNY, to: USD, rate: 0.14 }]   # rate > 0; nothing is converted without one
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
 *     consumer:                     # a queue worker: the trace gives message arrivals
 *       trace: events
 *       cpuMillicoreSecondsPerRequest: 5
 *       queue:                      # sets maxBacklogRequests and maxRequestsPerSecondPerPod (do not set them too)
 *         name: orders              # default: the workload name; kafka topic / rabbitmq queueName / redis listName
 *         messagesPerSecondPerPod: 20   # > 0 (required)
 *         partitions: 6             # integer ≥ 1 (a Kafka topic: consumers beyond this sit idle); default: not partitioned
 *         maxMessages: 100000       # default unbounded; arrivals beyond it are dropped
 *   series:                         # HPA Pods/Object/External metricName → source
 *     packets-per-second: { trace: pps, perPod: perPod, scale: 1, delay: 30s }
 *     requests-per-second: { workload: web, quantity: servedRequestsPerSecond, perPod: total }
 *   triggers:                       # where KEDA triggers that query something read; key:
 *                                   # <ScaledObject or ScaledJob name>/<trigger index or trigger name>
 *     mysql-scaledobject/0: { series: row-count }   # a key of spec.series
 *     worker/orders-lag: { queue: orders }           # a queue; queue triggers (kafka, rabbitmq, redis)
 *                                   # find the queue named by their metadata without an entry
 *   faults:                         # one kind per item
 *     - scalerUnavailable: { triggerType: prometheus, from: 2h, to: 2h20m, message: "prometheus unreachable" }
 *     - scalerUnavailable: { trigger: mysql-scaledobject/0, from: "02:00", to: "02:20" }
 *     - containerCrash: { workload: web, at: 5m, pod: 0 }        # or ratePerHour: 2 (from/to optional); count: pods hit (1)
 *     - crashLoop: { workload: web, from: 1h, to: 1h30m }        # every start crashes: CrashLoopBackOff 10 s → 300 s
 *     - livenessFailure: { workload: web, at: 20m }              # killed after period × failureThreshold, then restarted
 *     - readinessFlap: { workload: web, from: 2h, to: 2h10m, periodSeconds: 10 }
 *     - nodeFailure: { pool: workers, at: 3h, recoverAfter: 10m }   # or node: workers-0; NotReady after
 *                                   # nodeMonitorGracePeriod (50s), pods evicted 300 s after that
 *     - nodeBootFailure: { pool: workers, probability: 0.2 }     # new nodes that never become Ready (from/to optional)
 *     - capacityLoss: { pool: workers, from: 2h, to: 3h }       # or zone:; launches fail (reported: false, they hang)
 *     - metricsServerOutage: { from: 4h, to: 4h15m }             # the HPA keeps its replicas
 *                                   # durations are since t=0; "HH:MM" is a clock time of the first day, in the
 *                                   # UTC offset of startTime (else of the trace that sets t=0); from < to
 *   rollouts:                       # a Deployment's new revision (as kubectl rollout restart), replacing its
 *     - { workload: web, at: "14:00", every: 24h }   # pods as its spec.strategy says (every: optional repeat)
 *   jobs:                           # how each ScaledJob's Jobs run (every ScaledJob needs an entry)
 *     image-resizer: { queue: uploads, messagesPerJob: 1, runSeconds: 45 }   # messagesPerJob default 1
 *   queues:                         # queues no Deployment consumes (a ScaledJob's work); triggers and jobs
 *     uploads: { trace: uploads, maxMessages: 100000 }   # read them by name; maxMessages default unbounded
 *   controllers:
 *     hpa: { syncPeriod: 15s, tolerance: 0.1, downscaleStabilization: 5m,
 *            cpuInitializationPeriod: 5m, initialReadinessDelay: 30s, configurableTolerance: true }
 *     resourceQuota: { syncPeriod: 5m }         # --resource-quota-sync-period; 0 disables the resync
 *     metricsServer: { metricResolution: 15s }   # ≥ 10 s, as metrics-server enforces
 *     scheduler: { scoringStrategy: LeastAllocated }   # or MostAllocated
 *   startup: { scheduling: 1s, imagePull: 5s, containerStart: 1s, termination: 2s, jitterRatio: 0.2 }
 * ```
 */
import { z } from 'zod';
import { ClusterAutoscalerSchema } from './cluster-autoscaler-schema.js';
import { ControllersSchema, StartupSchema } from './controllers-schema.js';
import { CurrencySchema } from './currency-schema.js';
import { FaultSchema } from './fault-schema.js';
import { isoTimestampSeconds, nonNegativeInteger, positiveDurationSeconds } from './fields.js';
import { JobRunSchema } from './job-run-schema.js';
import { LoadModelSchema } from './load-model-schema.js';
import { NodePoolSchema } from './node-pool-schema.js';
import { RolloutSchema } from './rollout-schema.js';
import { SCENARIO_DEFAULTS } from './scenario-defaults.js';
import { SeriesSchema } from './series-schema.js';
import { TraceBindingSchema } from './trace-binding-schema.js';
import { StandaloneQueueSchema } from './queue-schema.js';
import { TriggerSourceSchema } from './trigger-source-schema.js';

export const DECISION_DETAILS = ['all', 'changes', 'none'] as const;
export type DecisionDetail = (typeof DECISION_DETAILS)[number];

export const SCENARIO_API_VERSION = 'scalesim.dev/v1alpha1';
export const SCENARIO_KIND = 'Scenario';

export const ScenarioSpecSchema = z.strictObject({
  seed: nonNegativeInteger('seed of the random streams').default(SCENARIO_DEFAULTS.seed),
  startTime: isoTimestampSeconds().optional(),
  duration: positiveDurationSeconds('duration').optional(),
  outputInterval: positiveDurationSeconds('outputInterval').default(SCENARIO_DEFAULTS.outputIntervalSeconds),
  decisions: z
    .enum(DECISION_DETAILS)
    .default(SCENARIO_DEFAULTS.decisions)
    .describe('which decisions decisions.csv keeps: all (every sync and poll), changes (rows that change something) or none'),
  manifests: z
    .array(z.string().min(1))
    .default(() => [...SCENARIO_DEFAULTS.manifests])
    .describe('a list of manifest files or folders, relative to the scenario folder'),
  traces: z.record(z.string(), TraceBindingSchema).default({}).describe('a map of trace name → trace binding'),
  nodePools: z.array(NodePoolSchema).min(1).describe('a list of node pools (at least one)'),
  workloads: z.record(z.string(), LoadModelSchema).default({}).describe('a map of workload name → load model'),
  series: z.record(z.string(), SeriesSchema).default({}).describe('a map of metric name → series source'),
  triggers: z.record(z.string(), TriggerSourceSchema).default({}).describe('a map of <ScaledObject or ScaledJob name>/<trigger> → source'),
  faults: z.array(FaultSchema).default([]).describe('a list of faults, one kind per item: scalerUnavailable, containerCrash, crashLoop, livenessFailure, readinessFlap, nodeFailure, nodeBootFailure, capacityLoss, metricsServerOutage'),
  rollouts: z.array(RolloutSchema).default([]).describe("a list of Deployment or StatefulSet rollouts: { workload, at, every? }, each a new revision replacing the pods as the workload's strategy (a StatefulSet's updateStrategy) says"),
  jobs: z.record(z.string(), JobRunSchema).default({}).describe('a map of ScaledJob name → how its Jobs run'),
  queues: z.record(z.string(), StandaloneQueueSchema).default({}).describe('a map of queue name → arrivals, for queues no Deployment consumes'),
  controllers: ControllersSchema.prefault({}),
  startup: StartupSchema.prefault({}),
  clusterAutoscaler: ClusterAutoscalerSchema.prefault({}),
  currency: CurrencySchema.prefault({}),
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
