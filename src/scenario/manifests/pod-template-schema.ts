/**
 * Zod schemas for the parts of a pod template the simulator reads (k8s.io/api/core/v1 PodTemplateSpec):
 * containers' cpu/memory requests and limits, readiness/startup/liveness probes with the SetDefaults_Probe
 * defaults, sidecars, node selector, tolerations, the grace period, which volumes are node-local
 * storage, the topology spread constraints (topology-spread-schema.ts) and node affinity
 * (node-affinity-schema.ts). Other fields pass through.
 */
import { z } from 'zod';
import { cpuMillicores, memoryBytes, nonNegativeInteger, quantityNumber, stringMap } from '../schema/fields.js';
import { NodeAffinitySchema } from './node-affinity-schema.js';
import { TopologySpreadConstraintSchema } from './topology-spread-schema.js';

/** pkg/apis/core/v1/defaults.go SetDefaults_Probe. */
export const PROBE_DEFAULTS = Object.freeze({
  /** Probe.initialDelaySeconds (unset = 0). */
  initialDelaySeconds: 0,
  /** SetDefaults_Probe: periodSeconds = 10. */
  periodSeconds: 10,
  /** SetDefaults_Probe: timeoutSeconds = 1. */
  timeoutSeconds: 1,
  /** SetDefaults_Probe: successThreshold = 1. */
  successThreshold: 1,
  /** SetDefaults_Probe: failureThreshold = 3. */
  failureThreshold: 3,
});

/** pkg/apis/core/v1/defaults.go SetDefaults_PodSpec: terminationGracePeriodSeconds = 30. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

const positiveInteger = (unit: string) => z.number().int().min(1).describe(`an integer ≥ 1 (${unit})`);

/** A ResourceList: cpu and memory are modelled; any other resource (ephemeral-storage, nvidia.com/gpu…) must still be a quantity, as the API server validates it. */
export const ResourceListSchema = z
  .object({
    cpu: cpuMillicores().optional(),
    memory: memoryBytes().optional(),
  })
  .catchall(quantityNumber());

export const ResourcesSchema = z.looseObject({
  requests: ResourceListSchema.optional(),
  limits: ResourceListSchema.optional(),
});

export const ProbeSchema = z.looseObject({
  initialDelaySeconds: nonNegativeInteger('seconds').default(PROBE_DEFAULTS.initialDelaySeconds),
  periodSeconds: positiveInteger('seconds').default(PROBE_DEFAULTS.periodSeconds),
  timeoutSeconds: positiveInteger('seconds').default(PROBE_DEFAULTS.timeoutSeconds),
  successThreshold: positiveInteger('consecutive successes').default(PROBE_DEFAULTS.successThreshold),
  failureThreshold: positiveInteger('consecutive failures').default(PROBE_DEFAULTS.failureThreshold),
});

const KeyRefSchema = z.looseObject({
  name: z.string().min(1).describe('the object name'),
  key: z.string().min(1).describe('the key'),
  optional: z.boolean().default(false),
});
const ObjectRefSchema = z.looseObject({ name: z.string().min(1).describe('the object name'), optional: z.boolean().default(false) });

const EnvVarSourceSchema = z.looseObject({
  secretKeyRef: KeyRefSchema.optional(),
  configMapKeyRef: KeyRefSchema.optional(),
  fieldRef: z.looseObject({ fieldPath: z.string().min(1).describe('a field path such as metadata.namespace') }).optional(),
});

const EnvFromSourceSchema = z.looseObject({
  prefix: z.string().default(''),
  configMapRef: ObjectRefSchema.optional(),
  secretRef: ObjectRefSchema.optional(),
});

export const ContainerSchema = z.looseObject({
  name: z.string().min(1).describe('the container name'),
  resources: ResourcesSchema.optional(),
  readinessProbe: ProbeSchema.optional(),
  startupProbe: ProbeSchema.optional(),
  livenessProbe: ProbeSchema.optional(),
  restartPolicy: z.string().optional(),
  /** Read for KEDA's `<key>FromEnv` (the value, or its valueFrom: a Secret's or ConfigMap's key, a field). */
  env: z.array(z.looseObject({ name: z.string().min(1).describe('the variable name'), value: z.string().optional(), valueFrom: EnvVarSourceSchema.optional() })).optional(),
  envFrom: z.array(EnvFromSourceSchema).optional(),
});

export const TolerationSchema = z.looseObject({
  key: z.string().optional(),
  operator: z.enum(['Equal', 'Exists']).default('Equal').describe('Equal or Exists'),
  value: z.string().optional(),
  effect: z.enum(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional().describe('NoSchedule, PreferNoSchedule or NoExecute'),
  tolerationSeconds: z.number().int().nullish().describe('whole seconds (int64)'),
});

/**
 * core/v1 Volume: only its name and whether it is hostPath or emptyDir (and on which medium) are
 * read, for the cluster-autoscaler's local-storage drain rule.
 */
export const VolumeSchema = z.looseObject({
  name: z.string().min(1).describe('the volume name'),
  hostPath: z.unknown().optional(),
  emptyDir: z.looseObject({ medium: z.string().optional() }).nullish(),
});

export const PodTemplateSchema = z.looseObject({
  metadata: z
    .looseObject({ labels: stringMap().default({}), annotations: stringMap().default({}) })
    .prefault({}),
  spec: z.looseObject({
    containers: z.array(ContainerSchema).min(1).describe('a list of containers (at least one)'),
    initContainers: z.array(ContainerSchema).default([]),
    volumes: z.array(VolumeSchema).default([]),
    nodeSelector: stringMap().default({}),
    tolerations: z.array(TolerationSchema).default([]),
    terminationGracePeriodSeconds: nonNegativeInteger('seconds').default(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS),
    activeDeadlineSeconds: positiveInteger('seconds').optional(),
    runtimeClassName: z.string().min(1).optional(),
    resources: ResourcesSchema.optional(),
    topologySpreadConstraints: z.array(TopologySpreadConstraintSchema).default([]),
    affinity: z.looseObject({ nodeAffinity: NodeAffinitySchema.nullish() }).nullish(),
  }),
});

/** apps/v1 Deployment and StatefulSet: the fields the simulator reads. */
export const WorkloadManifestSchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string().min(1).describe('the object name'),
    namespace: z.string().min(1).default('default'),
  }),
  spec: z.looseObject({
    replicas: nonNegativeInteger('pods').default(1),
    selector: z.looseObject({ matchLabels: stringMap().describe('a map of labels the pods must carry') }),
    template: PodTemplateSchema,
  }),
});

/** apps/v1 StatefulSet fields beyond the workload's (SetDefaults_StatefulSet: podManagementPolicy OrderedReady). */
export const StatefulSetSettingsSchema = z.looseObject({
  podManagementPolicy: z.enum(['OrderedReady', 'Parallel']).default('OrderedReady').describe('OrderedReady or Parallel'),
  serviceName: z.string().optional(),
});

export type ContainerInput = z.output<typeof ContainerSchema>;
export type VolumeInput = z.output<typeof VolumeSchema>;
export type ResourcesInput = z.output<typeof ResourcesSchema>;
export type PodTemplateInput = z.output<typeof PodTemplateSchema>;
export type WorkloadManifestInput = z.output<typeof WorkloadManifestSchema>;
