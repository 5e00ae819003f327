/**
 * The README's table of defaults, rendered from the frozen defaults tables themselves so that the
 * documentation cannot drift from the code (a test compares the README with this output).
 */
import { HPA_DEFAULTS, HPA_DEFAULT_CPU_UTILIZATION_PERCENT, HPA_DEFAULT_MIN_REPLICAS } from '../autoscalers/hpa/config.js';
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { CONTROLLER_RATE_LIMIT, JOB_RATE_LIMIT } from '../cluster/rate-limited-requeue.js';
import { RESOURCE_QUOTA_DEFAULTS } from '../cluster/resource-quota-resync.js';
import { DEPLOYMENT_DEFAULTS, ROLLING_UPDATE_DEFAULTS, type IntOrPercent } from '../cluster/deployment/strategy.js';
import { STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT } from '../cluster/stateful-set/update-strategy.js';
import { NODE_MONITOR_GRACE_PERIOD_SECONDS } from '../cluster/node-lifecycle.js';
import { NODE_MONITOR_DEFAULTS } from '../cluster/node-not-ready-time.js';
import { NODE_EVICTION_DEFAULTS } from '../cluster/zone-state.js';
import { DEFAULT_TOLERATION_SECONDS } from '../cluster/taint-eviction.js';
import { POD_GC_DEFAULTS } from '../cluster/pod-gc.js';
import { CLOUD_NODE_LIFECYCLE_DEFAULTS } from '../cloud/cloud-node-lifecycle.js';
import { STARTUP_DEFAULTS } from '../cluster/startup-defaults.js';
import { CA_DEFAULTS } from '../autoscalers/cluster-autoscaler/config.js';
import { DEFAULT_BACKOFF } from '../autoscalers/cluster-autoscaler/node-group-backoff.js';
import { BILLING_DEFAULTS, METRICS_SERVER_DEFAULTS, NODE_POOL_DEFAULTS, SCHEDULER_DEFAULTS, VIRTUAL_POOL_DEFAULTS } from '../scenario/schema/scenario-defaults.js';

interface DefaultRow {
  setting: string;
  value: string | number | boolean;
  mirrors: string;
}

function intOrPercentText(v: IntOrPercent): string {
  return v.kind === 'percent' ? `${v.value}%` : String(v.value);
}

export function defaultRows(): DefaultRow[] {
  const h = HPA_DEFAULTS;
  const rolling = ROLLING_UPDATE_DEFAULTS;
  return [
    { setting: 'HPA sync period', value: `${h.syncPeriodSeconds} s`, mirrors: '`--horizontal-pod-autoscaler-sync-period`' },
    { setting: 'HPA tolerance', value: h.tolerance, mirrors: '`--horizontal-pod-autoscaler-tolerance`' },
    { setting: 'HPA downscale stabilization', value: `${h.downscaleStabilizationWindowSeconds} s`, mirrors: '`--horizontal-pod-autoscaler-downscale-stabilization`' },
    { setting: 'HPA CPU initialization period', value: `${h.cpuInitializationPeriodSeconds} s`, mirrors: '`--horizontal-pod-autoscaler-cpu-initialization-period`' },
    { setting: 'HPA initial readiness delay', value: `${h.initialReadinessDelaySeconds} s`, mirrors: '`--horizontal-pod-autoscaler-initial-readiness-delay`' },
    { setting: 'HPA legacy scale-up limit', value: `max(${h.scaleUpLimitFactor} × current, ${h.scaleUpLimitMinimum})`, mirrors: '`horizontal.go` `scaleUpLimitFactor`, `scaleUpLimitMinimum`' },
    { setting: 'HPA per-direction tolerance honoured', value: h.configurableTolerance, mirrors: '`HPAConfigurableTolerance` gate (beta, on since 1.35)' },
    { setting: 'HPA minReplicas', value: HPA_DEFAULT_MIN_REPLICAS, mirrors: '`apis/autoscaling/v2/defaults.go`' },
    { setting: 'HPA metric when none given', value: `cpu ${HPA_DEFAULT_CPU_UTILIZATION_PERCENT}%`, mirrors: '`DefaultCPUUtilization`' },
    { setting: 'KEDA pollingInterval', value: `${KEDA_DEFAULTS.pollingIntervalSeconds} s`, mirrors: 'ScaledObject `spec.pollingInterval`' },
    { setting: 'KEDA cooldownPeriod', value: `${KEDA_DEFAULTS.cooldownPeriodSeconds} s`, mirrors: 'ScaledObject `spec.cooldownPeriod` (only the last step to 0 or idle)' },
    { setting: 'KEDA initialCooldownPeriod', value: `${KEDA_DEFAULTS.initialCooldownPeriodSeconds} s`, mirrors: 'ScaledObject `spec.initialCooldownPeriod`' },
    { setting: 'KEDA min / max replicas', value: `${KEDA_DEFAULTS.minReplicaCount} / ${KEDA_DEFAULTS.maxReplicaCount}`, mirrors: '`spec.minReplicaCount` / `spec.maxReplicaCount` (generated HPA min is max(1, min))' },
    { setting: 'KEDA fallback behavior', value: KEDA_DEFAULTS.fallbackBehavior, mirrors: '`spec.fallback.behavior`' },
    { setting: 'KEDA trigger metricType', value: KEDA_DEFAULTS.triggerMetricType, mirrors: '`triggers[].metricType`' },
    { setting: 'KEDA ScaledJob strategy', value: `${KEDA_DEFAULTS.scaledJobStrategy}, ${KEDA_DEFAULTS.multipleScalersCalculation} of scalers`, mirrors: '`scalingStrategy.strategy`, `multipleScalersCalculation`' },
    { setting: 'CA scan interval', value: `${CA_DEFAULTS.scanIntervalSeconds} s`, mirrors: '`--scan-interval`' },
    { setting: 'CA expander', value: CA_DEFAULTS.expanders.join(','), mirrors: '`--expander` (least-waste since kubernetes/autoscaler#7631; the FAQ still says random)' },
    { setting: 'CA scale-down utilization threshold', value: CA_DEFAULTS.scaleDownUtilizationThreshold, mirrors: '`--scale-down-utilization-threshold` (strictly below)' },
    { setting: 'CA scale-down unneeded time', value: `${CA_DEFAULTS.scaleDownUnneededTimeSeconds} s`, mirrors: '`--scale-down-unneeded-time` (strictly more; 0 skips the timer)' },
    { setting: 'CA scale-down unready time', value: `${CA_DEFAULTS.scaleDownUnreadyTimeSeconds} s`, mirrors: '`--scale-down-unready-time`' },
    { setting: 'CA scale-down of unready nodes', value: String(CA_DEFAULTS.scaleDownUnreadyEnabled), mirrors: '`--scale-down-unready-enabled`' },
    { setting: 'CA soft taints of unneeded nodes a loop', value: CA_DEFAULTS.maxBulkSoftTaintCount, mirrors: '`--max-bulk-soft-taint-count` (DeletionCandidate, PreferNoSchedule)' },
    { setting: 'CA scale-down delay after add', value: `${CA_DEFAULTS.scaleDownDelayAfterAddSeconds} s`, mirrors: '`--scale-down-delay-after-add`' },
    { setting: 'CA scale-down delay after delete', value: `${CA_DEFAULTS.scaleDownDelayAfterDeleteSeconds} s`, mirrors: '`--scale-down-delay-after-delete` (the FAQ says scan-interval)' },
    { setting: 'CA max node provision time', value: `${CA_DEFAULTS.maxNodeProvisionTimeSeconds} s`, mirrors: '`--max-node-provision-time` (from the group\'s last scale-up)' },
    {
      setting: 'CA node group backoff after a timed-out scale-up',
      value: `${DEFAULT_BACKOFF.initialSeconds} s doubling to ${DEFAULT_BACKOFF.maxSeconds} s, reset after ${DEFAULT_BACKOFF.resetSeconds} s`,
      mirrors: '`--initial-node-group-backoff-duration`, `--max-node-group-backoff-duration`, `--node-group-backoff-reset-timeout`',
    },
    { setting: 'CA unremovable node recheck', value: `${CA_DEFAULTS.unremovableNodeRecheckTimeoutSeconds} s`, mirrors: '`--unremovable-node-recheck-timeout`' },
    { setting: 'CA expendable pods priority cutoff', value: CA_DEFAULTS.expendablePodsPriorityCutoff, mirrors: '`--expendable-pods-priority-cutoff` (pods below it, unless preemptionPolicy Never, are left out)' },
    { setting: 'CA max empty / drain deletions at once', value: `${CA_DEFAULTS.maxScaleDownParallelism} / ${CA_DEFAULTS.maxDrainParallelism}`, mirrors: '`--max-scale-down-parallelism`, `--max-drain-parallelism`' },
    {
      setting: 'Deployment strategy',
      value: `RollingUpdate, maxSurge ${intOrPercentText(rolling.maxSurge)}, maxUnavailable ${intOrPercentText(rolling.maxUnavailable)}`,
      mirrors: 'SetDefaults_Deployment `spec.strategy` (surge rounded up, unavailable down; both 0 after rounding: 1 unavailable)',
    },
    { setting: 'Deployment minReadySeconds / progressDeadlineSeconds', value: `${DEPLOYMENT_DEFAULTS.minReadySeconds} s / ${DEPLOYMENT_DEFAULTS.progressDeadlineSeconds} s`, mirrors: 'SetDefaults_Deployment `spec.minReadySeconds`, `spec.progressDeadlineSeconds`' },
    {
      setting: 'StatefulSet updateStrategy / minReadySeconds',
      value: `RollingUpdate, partition 0, maxUnavailable ${intOrPercentText(STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT)} / 0 s`,
      mirrors: 'SetDefaults_StatefulSet `spec.updateStrategy` (maxUnavailable with the MaxUnavailableStatefulSet gate, on since v1.35; a percentage rounded down, at least 1), `spec.minReadySeconds`',
    },
    {
      setting: 'ReplicaSet / StatefulSet retry after a failed sync',
      value: `${CONTROLLER_RATE_LIMIT.baseSeconds * 1000} ms doubling to ${CONTROLLER_RATE_LIMIT.maxSeconds} s`,
      mirrors: 'client-go `DefaultControllerRateLimiter` (a pod create a ResourceQuota refused)',
    },
    {
      setting: 'ResourceQuota full resync',
      value: `${RESOURCE_QUOTA_DEFAULTS.syncPeriodSeconds} s`,
      mirrors: '`--resource-quota-sync-period` (a pod stuck Terminating leaves status.used at the first resync 2 × grace after its deletion)',
    },
    { setting: 'Job retry after a failed sync', value: `${JOB_RATE_LIMIT.baseSeconds} s doubling to ${JOB_RATE_LIMIT.maxSeconds} s`, mirrors: 'job_controller.go `DefaultJobApiBackOff`, `MaxJobApiBackOff`' },
    { setting: 'node boot time', value: `${NODE_POOL_DEFAULTS.bootSeconds.min}–${NODE_POOL_DEFAULTS.bootSeconds.max} s`, mirrors: 'cloud VM boot to Ready (FAQ: 3–4 min on GCE); seeded `cloud/<pool>` stream' },
    { setting: 'billing step / minimum', value: `${BILLING_DEFAULTS.granularitySeconds} s / ${BILLING_DEFAULTS.minimumSeconds.onDemand} s on-demand`, mirrors: 'EC2 per-second billing with a 60 s minimum' },
    { setting: 'reserved month', value: `${BILLING_DEFAULTS.hoursPerMonth} h`, mirrors: 'monthly price ÷ 730 h, prorated over the run' },
    { setting: 'spot interruption notice', value: `${BILLING_DEFAULTS.spotInterruptionNoticeSeconds} s`, mirrors: 'EC2 spot two-minute notice' },
    { setting: 'spot interruption handling', value: BILLING_DEFAULTS.spotInterruptionHandling, mirrors: 'plain Kubernetes: nothing hears the notice (`drain`: AWS Node Termination Handler, Karpenter)' },
    { setting: 'node monitor grace period', value: `${NODE_MONITOR_GRACE_PERIOD_SECONDS} s`, mirrors: '`--node-monitor-grace-period` (40 s before v1.32)' },
    { setting: 'node Lease renewal / health pass', value: `${NODE_MONITOR_DEFAULTS.leaseRenewIntervalSeconds} s / ${NODE_MONITOR_DEFAULTS.monitorPeriodSeconds} s`, mirrors: 'kubelet `nodeLeaseRenewIntervalFraction` × `nodeLeaseDurationSeconds`; kube-controller-manager `--node-monitor-period`' },
    { setting: 'NoExecute tainting rate', value: `${NODE_EVICTION_DEFAULTS.evictionRatePerSecond} nodes/s per zone; ${NODE_EVICTION_DEFAULTS.secondaryEvictionRatePerSecond} in a partly disrupted zone of > ${NODE_EVICTION_DEFAULTS.largeClusterSizeThreshold} nodes`, mirrors: 'kube-controller-manager `--node-eviction-rate`, `--secondary-node-eviction-rate` (burst 1; tried every 100 ms)' },
    { setting: 'partly disrupted zone', value: `> 2 and ≥ ${Math.round(NODE_EVICTION_DEFAULTS.unhealthyZoneThreshold * 100)}% NotReady; no tainting there at ≤ ${NODE_EVICTION_DEFAULTS.largeClusterSizeThreshold} nodes`, mirrors: '`--unhealthy-zone-threshold`, `--large-cluster-size-threshold` (every zone wholly NotReady: no NoExecute taints at all)' },
    { setting: 'unreachable toleration', value: `${DEFAULT_TOLERATION_SECONDS} s`, mirrors: '`--default-unreachable-toleration-seconds` (DefaultTolerationSeconds admission; a pod\'s own `tolerationSeconds` wins)' },
    { setting: 'cloud node lifecycle period', value: `${CLOUD_NODE_LIFECYCLE_DEFAULTS.nodeMonitorPeriodSeconds} s`, mirrors: 'cloud-controller-manager `--node-monitor-period` (deletes a NotReady Node whose instance is gone)' },
    { setting: 'pod GC period / orphan quarantine', value: `${POD_GC_DEFAULTS.gcCheckPeriodSeconds} s / ${POD_GC_DEFAULTS.quarantineSeconds} s`, mirrors: '`gc_controller.go` `gcCheckPeriod`, `quarantineTime`' },
    { setting: 'virtual pod start-up', value: `sandbox ${VIRTUAL_POOL_DEFAULTS.startup.sandboxSeconds} s + pull ${VIRTUAL_POOL_DEFAULTS.startup.imagePullSeconds} s (cached ${VIRTUAL_POOL_DEFAULTS.startup.cachedImagePullSeconds} s) + start ${VIRTUAL_POOL_DEFAULTS.startup.containerStartSeconds} s`, mirrors: 'ECI image-cache doc (§5.2); no provider SLA' },
    { setting: 'metrics-server resolution', value: `${METRICS_SERVER_DEFAULTS.resolutionSeconds} s`, mirrors: '`--metric-resolution` in the shipped manifests (binary default 60 s)' },
    { setting: 'scheduler scoring', value: SCHEDULER_DEFAULTS.scoringStrategy, mirrors: '`NodeResourcesFitArgs.scoringStrategy`' },
    { setting: 'node max pods', value: NODE_POOL_DEFAULTS.maxPods, mirrors: 'kubelet `--max-pods`' },
    { setting: 'scheduling latency', value: `${STARTUP_DEFAULTS.schedulingSeconds} s`, mirrors: 'measured latency, not a flag' },
    { setting: 'image pull', value: `${STARTUP_DEFAULTS.imagePullSeconds} s`, mirrors: 'measured latency, not a flag' },
    { setting: 'container start', value: `${STARTUP_DEFAULTS.containerStartSeconds} s`, mirrors: 'measured latency, not a flag' },
    { setting: 'termination', value: `${STARTUP_DEFAULTS.terminationSeconds} s`, mirrors: 'capped by `terminationGracePeriodSeconds` (30)' },
    { setting: 'start-up jitter', value: `±${STARTUP_DEFAULTS.jitterRatio * 100}%`, mirrors: 'seeded `startup` stream' },
  ];
}

export function renderDefaultsTable(): string {
  const lines = ['| setting | default | mirrors |', '|---|---|---|'];
  for (const r of defaultRows()) lines.push(`| ${r.setting} | ${String(r.value)} | ${r.mirrors} |`);
  return lines.join('\n');
}
