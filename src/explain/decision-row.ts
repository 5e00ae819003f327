/**
 * One row of decisions.csv, typed by its `controller` column: an HPA sync, a KEDA polling cycle, a
 * cluster-autoscaler loop, a kube-scheduler event or a workload controller's FailedCreate, as src/engine/decision-log.ts writes them (empty cells become undefined).
 */
import type { WindowEntry } from '../autoscalers/hpa/recommendation-history.js';

export type { WindowEntry };

/** How many pods of a pod-based metric fell in each class (ready, unready, missing, ignored). */
export interface PodClassCounts {
  ready: number;
  unready: number;
  missing: number;
  ignored: number;
}

/** One metric column group of an HPA row. */
export interface MetricCell {
  name: string;
  /** The value in the metric's own terms (`45%`, `250m`, `1.5`); empty when the read failed. */
  value: string;
  /** The target in the same terms; empty when decisions.csv has no target column (older files) or none applies. */
  target: string;
  /** The metric's replica proposal; undefined when the metric failed. */
  proposedReplicas: number | undefined;
  /** ScaleUp, ScaleDown, NoChange, WithinTolerance… or, for a failure, the ScalingActive reason. */
  reason: string;
  /** The failure message, for a failed metric. */
  message: string | undefined;
  podClasses: PodClassCounts | undefined;
}

/** One trigger column group of a KEDA row. */
export interface TriggerCell {
  name: string;
  /** The scaler's value (plain units); empty when the read failed or the HPA reads it. */
  value: string;
  active: boolean;
  /** The scaler's explanation or error. */
  reason: string;
}

interface RowBase {
  /** The decisions.csv line the row starts on (1-based, header = line 1). */
  line: number;
  timeSeconds: number;
  name: string;
}

/** The cells HPA and KEDA rows share: the scaled workload before and after the decision. */
export interface WorkloadRowBase extends RowBase {
  /** The scaled Deployment/StatefulSet, or `jobs/<template>` for a ScaledJob. */
  target: string;
  specReplicas: number;
  statusReplicas: number;
  readyPods: number;
  finalReplicas: number;
  rescale: boolean;
}

export interface HpaDecisionRow extends WorkloadRowBase {
  controller: 'hpa';
  metricDesiredReplicas: number | undefined;
  stabilizedReplicas: number | undefined;
  /** disabled, aboveMax, belowMin, legacy, behavior or metricsFailed. */
  path: string;
  ableToScale: string;
  scalingActive: string;
  scalingLimited: string;
  scaleUpLimit: number | undefined;
  scaleDownLimit: number | undefined;
  /** The recommendations the window held before this sync's own, youngest first. */
  stabilizationWindow: WindowEntry[];
  metrics: MetricCell[];
}

export interface KedaDecisionRow extends WorkloadRowBase {
  controller: 'keda';
  /** Whether the executor wrote a replica count (ScaledObject) or created jobs (ScaledJob). */
  executorWrote: boolean;
  /** The Active condition: True, False or Unknown. */
  active: string;
  reason: string;
  lastActiveSeconds: number | undefined;
  cooldownLeftSeconds: number | undefined;
  triggers: TriggerCell[];
}

export interface CaDecisionRow extends RowBase {
  controller: 'ca';
  /** The node group acted on (empty for most no-ops). */
  group: string;
  nodesBefore: number;
  nodesAfter: number;
  /** scale-up, scale-down or no-op. */
  action: string;
  reason: string;
  unschedulablePods: number;
  detail: string;
}

/** A preemption by kube-scheduler (decision-log.ts preemption). */
export interface SchedulerDecisionRow extends RowBase {
  controller: 'scheduler';
  /** The preemptor's workload. */
  target: string;
  reason: string;
  detail: string;
}

/**
 * A workload controller's FailedCreate: pod creates a ResourceQuota refused (decision-log.ts
 * failedCreate); or a rolled-out StatefulSet's SuccessfulCreate / SuccessfulDelete (path rollout,
 * decision-log.ts statefulSetEvent), whose target is the pod.
 */
export interface CreateFailureRow extends RowBase {
  controller: 'replicaset' | 'statefulset' | 'job';
  /** The pods' workload, or for a StatefulSet's pod event the pod (the name is the creating object: a Deployment, StatefulSet or Job). */
  target: string;
  reason: string;
  detail: string;
}

/** A Deployment's rollout event: a ReplicaSet scaled, or the rollout complete or stalled (decision-log.ts deploymentEvent). */
export interface DeploymentEventRow extends RowBase {
  controller: 'deployment';
  /** The ReplicaSet concerned. */
  target: string;
  reason: string;
  detail: string;
}

export type DecisionRow = HpaDecisionRow | KedaDecisionRow | CaDecisionRow | SchedulerDecisionRow | CreateFailureRow | DeploymentEventRow;

export type ControllerKind = DecisionRow['controller'];

/** Every `controller` value decisions.csv may hold. */
export const CONTROLLER_KINDS: readonly ControllerKind[] = Object.freeze(['hpa', 'keda', 'ca', 'scheduler', 'replicaset', 'statefulset', 'job', 'deployment']);

/** "expected hpa, keda, …, or job, got "x"": the message for an unknown controller cell. */
export function unknownControllerMessage(controller: string): string {
  return `expected ${CONTROLLER_KINDS.slice(0, -1).join(', ')} or ${CONTROLLER_KINDS.at(-1)!}, got "${controller}"`;
}
