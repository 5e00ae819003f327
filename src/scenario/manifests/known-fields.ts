/**
 * The fields each modelled manifest kind may carry, as the Kubernetes API and KEDA's CRDs define
 * them (k8s.io/api types.go at v1.34: core/v1 PodSpec, Container, Probe, Toleration, PodAffinityTerm; apps/v1
 * DeploymentSpec, StatefulSetSpec; autoscaling/v1 and v2 HorizontalPodAutoscalerSpec and its metric
 * and behavior types; batch/v1 JobSpec; policy/v1 PodDisruptionBudgetSpec; meta/v1 ObjectMeta;
 * kedacore/keda apis/keda/v1alpha1 ScaledObjectSpec, ScaledJobSpec, ScaleTriggers at v2.17; KEDA v1.5 and
 * ElasticWorkload below). The API
 * server rejects an unknown field (kubectl apply's default --validate=strict); unknown-fields.ts
 * reports them, so a typo such as `behaviour` or `minReplica` is not silently ignored.
 *
 * A node lists the fields of an object; `null` marks a field whose inside is not checked (a scalar,
 * a free-form map such as labels or a trigger's metadata, or a subtree scalesim does not read, such
 * as volumes). A node applies to each item when the value is a list.
 */

export type FieldTree = { readonly [field: string]: FieldTree | null };

export const OBJECT_META: FieldTree = {
  name: null, generateName: null, namespace: null, selfLink: null, uid: null, resourceVersion: null, generation: null,
  creationTimestamp: null, deletionTimestamp: null, deletionGracePeriodSeconds: null, labels: null, annotations: null,
  ownerReferences: null, finalizers: null, managedFields: null,
};

/** apiVersion, kind, metadata and status around a kind's spec. */
function object(spec: FieldTree): FieldTree {
  return { apiVersion: null, kind: null, metadata: OBJECT_META, spec, status: null };
}

const TOPOLOGY_SPREAD_CONSTRAINT_FIELDS: FieldTree = {
  maxSkew: null, topologyKey: null, whenUnsatisfiable: null, minDomains: null, nodeAffinityPolicy: null, nodeTaintsPolicy: null, matchLabelKeys: null,
  labelSelector: { matchLabels: null, matchExpressions: { key: null, operator: null, values: null } },
};

const NODE_SELECTOR_TERM_FIELDS: FieldTree = {
  matchExpressions: { key: null, operator: null, values: null },
  matchFields: { key: null, operator: null, values: null },
};

const LABEL_SELECTOR: FieldTree = { matchLabels: null, matchExpressions: { key: null, operator: null, values: null } };

const POD_AFFINITY_TERM: FieldTree = {
  labelSelector: LABEL_SELECTOR, namespaces: null, topologyKey: null, namespaceSelector: LABEL_SELECTOR, matchLabelKeys: null, mismatchLabelKeys: null,
};

/** core/v1 PodAffinity and PodAntiAffinity (the same fields). */
const POD_AFFINITY_RULES: FieldTree = {
  requiredDuringSchedulingIgnoredDuringExecution: POD_AFFINITY_TERM,
  preferredDuringSchedulingIgnoredDuringExecution: { weight: null, podAffinityTerm: POD_AFFINITY_TERM },
};

/** core/v1 Affinity; NodeAffinity has no requiredDuringSchedulingRequiredDuringExecution (a typo of the real one). */
const AFFINITY_FIELDS: FieldTree = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: NODE_SELECTOR_TERM_FIELDS },
    preferredDuringSchedulingIgnoredDuringExecution: { weight: null, preference: NODE_SELECTOR_TERM_FIELDS },
  },
  podAffinity: POD_AFFINITY_RULES,
  podAntiAffinity: POD_AFFINITY_RULES,
};

const TOLERATION_FIELDS: FieldTree = { key: null, operator: null, value: null, effect: null, tolerationSeconds: null };

const PROBE: FieldTree = {
  exec: null, httpGet: null, tcpSocket: null, grpc: null, initialDelaySeconds: null, timeoutSeconds: null, periodSeconds: null,
  successThreshold: null, failureThreshold: null, terminationGracePeriodSeconds: null,
};

const CONTAINER: FieldTree = {
  name: null, image: null, command: null, args: null, workingDir: null, ports: null, envFrom: null, env: null,
  resources: { limits: null, requests: null, claims: null },
  resizePolicy: null, restartPolicy: null, restartPolicyRules: null, volumeMounts: null, volumeDevices: null,
  livenessProbe: PROBE, readinessProbe: PROBE, startupProbe: PROBE, lifecycle: null,
  terminationMessagePath: null, terminationMessagePolicy: null, imagePullPolicy: null, securityContext: null,
  stdin: null, stdinOnce: null, tty: null,
};

const POD_SPEC: FieldTree = {
  volumes: null, initContainers: CONTAINER, containers: CONTAINER, ephemeralContainers: null, restartPolicy: null,
  terminationGracePeriodSeconds: null, activeDeadlineSeconds: null, dnsPolicy: null, nodeSelector: null,
  serviceAccountName: null, serviceAccount: null, automountServiceAccountToken: null, nodeName: null, hostNetwork: null,
  hostPID: null, hostIPC: null, shareProcessNamespace: null, securityContext: null, imagePullSecrets: null, hostname: null,
  subdomain: null, affinity: AFFINITY_FIELDS, schedulerName: null,
  tolerations: TOLERATION_FIELDS,
  hostAliases: null, priorityClassName: null, priority: null, dnsConfig: null, readinessGates: null, runtimeClassName: null,
  enableServiceLinks: null, preemptionPolicy: null, overhead: null, topologySpreadConstraints: TOPOLOGY_SPREAD_CONSTRAINT_FIELDS, setHostnameAsFQDN: null,
  os: null, hostUsers: null, schedulingGates: null, resourceClaims: null, resources: null, hostnameOverride: null,
};

const POD_TEMPLATE: FieldTree = { metadata: OBJECT_META, spec: POD_SPEC };

/** spec.strategy and spec.updateStrategy are modelled (deployment-strategy.ts, stateful-set-update.ts): a misspelt field under them would silently change a rollout. */
const DEPLOYMENT_STRATEGY: FieldTree = { type: null, rollingUpdate: { maxSurge: null, maxUnavailable: null } };
const STATEFUL_SET_UPDATE_STRATEGY: FieldTree = { type: null, rollingUpdate: { partition: null, maxUnavailable: null } };

const DEPLOYMENT_SPEC: FieldTree = {
  replicas: null, selector: null, template: POD_TEMPLATE, strategy: DEPLOYMENT_STRATEGY, minReadySeconds: null, revisionHistoryLimit: null,
  paused: null, progressDeadlineSeconds: null,
};

const DAEMON_SET_SPEC: FieldTree = {
  selector: null, template: POD_TEMPLATE, updateStrategy: null, minReadySeconds: null, revisionHistoryLimit: null,
};

const STATEFUL_SET_SPEC: FieldTree = {
  replicas: null, selector: null, template: POD_TEMPLATE, volumeClaimTemplates: null, serviceName: null,
  podManagementPolicy: null, updateStrategy: STATEFUL_SET_UPDATE_STRATEGY, revisionHistoryLimit: null, minReadySeconds: null,
  persistentVolumeClaimRetentionPolicy: null, ordinals: null,
};

const CROSS_VERSION_REF: FieldTree = { apiVersion: null, kind: null, name: null };

const METRIC_TARGET: FieldTree = { type: null, value: null, averageValue: null, averageUtilization: null };
const METRIC_IDENTIFIER: FieldTree = { name: null, selector: null };

const HPA_METRIC: FieldTree = {
  type: null,
  object: { describedObject: CROSS_VERSION_REF, target: METRIC_TARGET, metric: METRIC_IDENTIFIER },
  pods: { metric: METRIC_IDENTIFIER, target: METRIC_TARGET },
  resource: { name: null, target: METRIC_TARGET },
  containerResource: { name: null, target: METRIC_TARGET, container: null },
  external: { metric: METRIC_IDENTIFIER, target: METRIC_TARGET },
};

const HPA_SCALING_RULES: FieldTree = {
  stabilizationWindowSeconds: null,
  selectPolicy: null,
  policies: { type: null, value: null, periodSeconds: null },
  tolerance: null,
};

export const HPA_BEHAVIOR: FieldTree = { scaleUp: HPA_SCALING_RULES, scaleDown: HPA_SCALING_RULES };

const HPA_V1_SPEC: FieldTree = { scaleTargetRef: CROSS_VERSION_REF, minReplicas: null, maxReplicas: null, targetCPUUtilizationPercentage: null };

const HPA_V2_SPEC: FieldTree = { scaleTargetRef: CROSS_VERSION_REF, minReplicas: null, maxReplicas: null, metrics: HPA_METRIC, behavior: HPA_BEHAVIOR };

const KEDA_TRIGGER: FieldTree = {
  type: null, name: null, useCachedMetrics: null, metadata: null, authenticationRef: { name: null, kind: null }, metricType: null,
};

const SCALED_OBJECT_SPEC: FieldTree = {
  scaleTargetRef: { name: null, apiVersion: null, kind: null, envSourceContainerName: null },
  pollingInterval: null, initialCooldownPeriod: null, cooldownPeriod: null, idleReplicaCount: null, minReplicaCount: null,
  maxReplicaCount: null,
  advanced: {
    horizontalPodAutoscalerConfig: { behavior: HPA_BEHAVIOR, name: null },
    restoreToOriginalReplicaCount: null,
    scalingModifiers: { formula: null, target: null, activationTarget: null, metricType: null },
  },
  triggers: KEDA_TRIGGER,
  fallback: { failureThreshold: null, replicas: null, behavior: null },
};

const JOB_SPEC: FieldTree = {
  parallelism: null, completions: null, activeDeadlineSeconds: null, podFailurePolicy: null, successPolicy: null,
  backoffLimit: null, backoffLimitPerIndex: null, maxFailedIndexes: null, selector: null, manualSelector: null,
  template: POD_TEMPLATE, ttlSecondsAfterFinished: null, completionMode: null, suspend: null, podReplacementPolicy: null,
  managedBy: null,
};

const SCALED_JOB_SPEC: FieldTree = {
  jobTargetRef: JOB_SPEC, pollingInterval: null, successfulJobsHistoryLimit: null, failedJobsHistoryLimit: null,
  rolloutStrategy: null, rollout: null, envSourceContainerName: null, minReplicaCount: null, maxReplicaCount: null,
  scalingStrategy: {
    strategy: null, customScalingQueueLengthDeduction: null, customScalingRunningJobPercentage: null,
    pendingPodConditions: null, multipleScalersCalculation: null,
  },
  triggers: KEDA_TRIGGER,
};

const POD_DISRUPTION_BUDGET_SPEC: FieldTree = { minAvailable: null, maxUnavailable: null, selector: null, unhealthyPodEvictionPolicy: null };

/**
 * KEDA v1 (keda.k8s.io/v1alpha1, kedacore/keda v1.5 pkg/apis/keda/v1alpha1 scaledobject_types.go):
 * ObjectReference {deploymentName, containerName}; ScaleTriggers {type, name, metadata, authenticationRef}.
 */
const LEGACY_SCALED_OBJECT_SPEC: FieldTree = {
  scaleType: null, pollingInterval: null, cooldownPeriod: null, scaleTargetRef: { deploymentName: null, containerName: null },
  jobTargetRef: null, minReplicaCount: null, maxReplicaCount: null,
  triggers: { type: null, name: null, metadata: null, authenticationRef: { name: null } },
};

/**
 * ack-kubernetes-elastic-workload's autoscaling.alibabacloud.com/v1beta1 ElasticWorkload, as Alibaba
 * Cloud's documentation gives it (docs/fidelity-spec.md §5.1; the CRD's source is not public, so an
 * unknown field here is a warning unless it is a typo of one of these).
 */
const ELASTIC_WORKLOAD_SPEC: FieldTree = {
  sourceTarget: { name: null, kind: null, apiVersion: null, min: null, max: null },
  replicas: null,
  elasticUnit: { name: null, labels: null, annotations: null, nodeSelector: null, tolerations: TOLERATION_FIELDS, min: null, max: null },
};

export const KNOWN_FIELDS = {
  deployment: object(DEPLOYMENT_SPEC),
  statefulSet: object(STATEFUL_SET_SPEC),
  daemonSet: object(DAEMON_SET_SPEC),
  hpaV1: object(HPA_V1_SPEC),
  hpaV2: object(HPA_V2_SPEC),
  scaledObject: object(SCALED_OBJECT_SPEC),
  legacyScaledObject: object(LEGACY_SCALED_OBJECT_SPEC),
  elasticWorkload: object(ELASTIC_WORKLOAD_SPEC),
  scaledJob: object(SCALED_JOB_SPEC),
  podDisruptionBudget: object(POD_DISRUPTION_BUDGET_SPEC),
} as const satisfies Record<string, FieldTree>;
