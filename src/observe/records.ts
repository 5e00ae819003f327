/**
 * Typed records the simulation emits through observer hooks; the only bridge from the simulation
 * to reports (reports never feed back into the run).
 */

import type { StabilizationWindow } from '../autoscalers/hpa/recommendation-history.js';

/** One metric as the HPA saw it at a sync (horizontal.go computeReplicasForMetric). */
export interface MetricDecision {
  metricName: string;
  ok: boolean;
  /** The current value in the metric's own terms: `45%`, `250m`, `1200`… */
  currentValue: string;
  /** The spec's target in the same terms (`50%`, `500m`, `50`); empty for a KEDA trigger. */
  target: string;
  /** The per-metric replica proposal, when the metric was valid. */
  proposedReplicas?: number;
  reason: string;
  message?: string;
  /** For pod-based metrics: how many pods fell in each §1.4 class. */
  podClasses?: { ready: number; unready: number; missing: number; ignored: number };
}

/** One HPA sync (horizontal.go reconcileAutoscaler), with its reasons. */
export interface HpaDecisionRecord {
  timeSeconds: number;
  hpa: string;
  target: string;
  specReplicas: number;
  statusReplicas: number;
  readyPods: number;
  metrics: MetricDecision[];
  metricDesiredReplicas?: number;
  stabilizedReplicas?: number;
  desiredReplicas: number;
  rescale: boolean;
  ableToScale: string;
  scalingActive: string;
  scalingLimited: string;
  /** Which branch of the reconcile ran (disabled, aboveMax, belowMin, legacy, behavior, metricsFailed). */
  path: string;
  /**
   * Recommendations inside the stabilization window (any order; decisions.csv writes them youngest
   * first). A view of the HPA's own list, which its next sync records into: read it, or copy its
   * entries(), before then.
   */
  stabilizationWindow: StabilizationWindow;
  scaleUpLimit?: number;
  scaleDownLimit?: number;
}

/** One trigger as the KEDA polling loop read it. */
export interface TriggerDecision {
  name: string;
  /** The metric value (plain units), or empty when the read failed. */
  value: string;
  active: boolean;
  /** The scaler's explanation (e.g. "lag 1000 capped at 3 partitions × 10"), or the error. */
  reason: string;
}

/** One KEDA polling cycle of a ScaledObject (scale_handler.go checkScalers → executor RequestScale). */
export interface KedaDecisionRecord {
  timeSeconds: number;
  scaledObject: string;
  target: string;
  specReplicas: number;
  statusReplicas: number;
  readyPods: number;
  triggers: TriggerDecision[];
  /** Active condition: True, False or Unknown (trigger error). */
  active: string;
  /** The executor's reason code (ScalerActive, ScalerCooldown, …) and text. */
  reason: string;
  /** The replica count KEDA wrote, when it wrote one. */
  scaleTo?: number;
  lastActiveSeconds?: number;
  /** Seconds until the cooldown to zero (or idle) ends, while cooling down. */
  cooldownLeftSeconds?: number;
}

/** One cluster-autoscaler loop (core/static_autoscaler.go RunOnce): what it saw and what it did. */
export interface CaDecisionRecord {
  timeSeconds: number;
  /** scale-up, scale-down, or no-op. */
  action: string;
  /** The node group acted on (or empty). */
  group: string;
  /** Nodes in autoscaled groups, booting ones included, before and after. */
  nodesBefore: number;
  nodesAfter: number;
  unschedulablePods: number;
  /** Reason code (ScaleUp, NoGroupFits, ScaleDownInCooldown, NodesRemovable, …) and the details. */
  reason: string;
  detail: string;
  /** Nodes this loop started removing, with how long each had been unneeded. */
  removedNodes: { node: string; unneededForSeconds: number }[];
  /** The last scale-up before this loop (undefined = none yet). */
  lastScaleUpSeconds?: number;
}

/**
 * An autoscaler wrote a new spec.replicas on its target (an HPA rescale, KEDA's executor scaling a
 * ScaledObject's target). Emitted only when the count changes, so an observer that wants the
 * writes alone (the comparison's scale-event counter) needs no decision record at every sync.
 */
export interface ReplicaWriteRecord {
  timeSeconds: number;
  autoscaler: 'hpa' | 'keda';
  /** The HPA's or the ScaledObject's name. */
  name: string;
  target: string;
  fromReplicas: number;
  toReplicas: number;
}

/** kube-scheduler's FailedScheduling for a pod no node fits (fit-error.ts message), once per pod and message. */
/**
 * A workload's controller had pod creates forbidden by a ResourceQuota in one sync (its
 * FailedCreate event); it retries after its work queue's backoff.
 */
export interface FailedCreateRecord {
  timeSeconds: number;
  /** The pods' workload (their owner's name). */
  owner: string;
  /** The event's source: replicaset-controller, statefulset-controller or job-controller. */
  controller: string;
  /** The Deployment, StatefulSet (or ElasticWorkload unit) or Job that creates the pods. */
  object: string;
  /** Creates refused in the sync. */
  pods: number;
  /** The quota that refused them. */
  quota: string;
  message: string;
}

/**
 * A Deployment's rollout event: the deployment controller scaled one of its ReplicaSets
 * (ScalingReplicaSet), or the Progressing condition changed reason (NewReplicaSetAvailable,
 * ProgressDeadlineExceeded, ReplicaSetUpdated). Only Deployments that have had a rollout report them.
 */
export interface DeploymentEventRecord {
  timeSeconds: number;
  /** The Deployment's name. */
  deployment: string;
  reason: string;
  /** The ReplicaSet concerned. */
  replicaSet: string;
  message: string;
}

/** A pod the StatefulSet controller created or deleted, from the set's first rollout on (spec.rollouts). */
export interface StatefulSetEventRecord {
  timeSeconds: number;
  /** The StatefulSet's name. */
  statefulSet: string;
  reason: 'SuccessfulCreate' | 'SuccessfulDelete';
  pod: string;
  /** The event's message (stateful_pod_control.go recordPodEvent). */
  message: string;
  /** Which step did it: `at revision <name>` for a create; `for update to revision <name>`, `for scale down` or `for failed` for a delete. */
  why: string;
}

export interface FailedSchedulingRecord {
  timeSeconds: number;
  pod: string;
  /** The pod's workload (its owner's name). */
  owner: string;
  message: string;
}

/**
 * kube-scheduler's DefaultPreemption evicted `victims` on `node` so that `preemptor` fits there
 * (the preemptor gets status.nominatedNodeName = node and binds once they are gone).
 */
export interface PreemptionRecord {
  timeSeconds: number;
  preemptor: { name: string; owner: string; priority: number };
  node: string;
  /** Most important first (the order DefaultPreemption lists them). */
  victims: { name: string; owner: string; priority: number }[];
}
