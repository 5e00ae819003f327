/**
 * Adapter for `ca.scaleDownEligibility` vectors (§4.3): a node's utilization and whether it is
 * strictly below the scale-down utilization threshold.
 */
import { CA_DEFAULTS, SCALE_DOWN_DISABLED_ANNOTATION } from '../autoscalers/cluster-autoscaler/config.js';
import { checkScaleDownEligibility } from '../autoscalers/cluster-autoscaler/scale-down/eligibility.js';
import { calculateUtilization, isUnderutilized } from '../autoscalers/cluster-autoscaler/scale-down/utilization.js';
import type { CaNode, CaPod } from '../autoscalers/cluster-autoscaler/types.js';
import { firstBoolean, readCpuMillicores, readMemoryBytes } from './ca-vector-fields.js';
import { InputFields } from './input-fields.js';

function readPod(f: InputFields, index: number): CaPod {
  return {
    name: f.optString('name') ?? `pod-${index}`,
    namespace: f.optString('namespace') ?? 'default',
    cpuMillicores: readCpuMillicores(f, 0),
    memoryBytes: readMemoryBytes(f, 0),
    labels: {},
    annotations: {},
    nodeSelector: {},
    tolerations: [],
    ownerKind: 'ReplicaSet',
    daemonSet: f.optBoolean('daemonSet') ?? false,
    mirror: f.optBoolean('mirror') ?? false,
  };
}

/**
 * ca.scaleDownEligibility: `{utilization, underutilized, cpuUtilization, memoryUtilization,
 * resourceName, eligible, reason}`.
 */
export function adaptCaScaleDownEligibility(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const n = f.object('node');
  const scaleDownDisabled = firstBoolean(n, ['scaleDownDisabled']) ?? false;
  const node: CaNode = {
    name: n.optString('name') ?? 'node',
    group: 'vector-group',
    cpuAllocatableMillicores: readCpuMillicores(n),
    memoryAllocatableBytes: readMemoryBytes(n),
    maxPods: n.optNumber('maxPods') ?? 110,
    labels: {},
    taints: [],
    pods: (f.optObjects('pods') ?? []).map(readPod),
    ready: n.optBoolean('ready') ?? true,
    annotations: scaleDownDisabled ? { [SCALE_DOWN_DISABLED_ANNOTATION]: 'true' } : {},
  };
  const group = { name: 'vector-group', template: { cpuMillicores: 0, memoryBytes: 0, maxPods: 0, labels: {}, taints: [] }, minSize: 0, maxSize: 1000, targetSize: 1 };
  const threshold = f.optNumber('scaleDownUtilizationThreshold') ?? CA_DEFAULTS.scaleDownUtilizationThreshold;
  const options = {
    utilizationThresholdRatio: threshold,
    ignoreDaemonSetsUtilization: f.optBoolean('ignoreDaemonSetsUtilization') ?? CA_DEFAULTS.ignoreDaemonSetsUtilization,
    ignoreMirrorPodsUtilization: f.optBoolean('ignoreMirrorPodsUtilization') ?? false,
    scaleDownUnreadyEnabled: f.optBoolean('scaleDownUnreadyEnabled') ?? CA_DEFAULTS.scaleDownUnreadyEnabled,
    nowSeconds: 0,
  };
  const utilization = calculateUtilization(node, options);
  const verdict = checkScaleDownEligibility(node, group, options);
  return {
    utilization: utilization.utilizationRatio,
    underutilized: isUnderutilized(utilization.utilizationRatio, threshold),
    cpuUtilization: utilization.cpuRatio,
    memoryUtilization: utilization.memoryRatio,
    resourceName: utilization.resourceName,
    eligible: verdict.eligible,
    reason: verdict.reason,
  };
}
