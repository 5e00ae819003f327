/**
 * What `scalesim explain` says about one autoscaler at one sync: the typed object behind both the
 * text and the `--json` output. Absent values are null (not missing), so every object of a kind has
 * the same keys in the same order.
 */
import type { PodClassCounts, WindowEntry } from './decision-row.js';

/** What was asked: the time, and whether decisions.csv kept changes only (summary.json's `decisions`). */
export interface AskedTime {
  /** The time asked for (--at), seconds since the run start. */
  atSeconds: number;
  /**
   * The run kept changes only: an HPA's, a ScaledObject's or the cluster-autoscaler's row is the
   * decision in force at --at (its syncs since repeated it), and its previous row is its previous change.
   */
  changesOnly: boolean;
}

/** Where the explained decision sits relative to the requested time. */
export interface ExplanationTime extends AskedTime {
  /** The decision's time, seconds since the run start (as in decisions.csv). */
  timeSeconds: number;
  /** decisions.csv line of the decision. */
  line: number;
}

/** Why the outcome is what it is: an upstream reason code and a sentence. */
export interface ReasonCode {
  code: string;
  text: string;
}

export interface HpaMetricExplanation {
  name: string;
  /** As decisions.csv shows it (`77%`, `250m`, `1.5`); null when the read failed. */
  value: string | null;
  /** The spec's target in the same terms (`50%`, `50`); null in a decisions.csv written without it. */
  target: string | null;
  proposedReplicas: number | null;
  reason: string;
  message: string | null;
  pods: PodClassCounts | null;
  /** Its proposal is the maximum over the metrics (all tied metrics drive). */
  drives: boolean;
}

export interface HpaExplanation extends ExplanationTime {
  controller: 'hpa';
  kind: 'HPA';
  name: string;
  target: string;
  current: { specReplicas: number; statusReplicas: number; readyPods: number };
  metrics: HpaMetricExplanation[];
  /** The max over the valid proposals; null on the paths that skip metrics. */
  metricDesiredReplicas: number | null;
  drivingMetrics: string[];
  stabilization: {
    path: string;
    window: WindowEntry[];
    stabilizedReplicas: number | null;
    /** The window entry that held the count (the youngest that did), when stabilization changed it. */
    heldBy: WindowEntry | null;
  };
  rateLimit: { scaleUpLimit: number | null; scaleDownLimit: number | null; scalingLimited: string };
  decision: {
    fromReplicas: number;
    toReplicas: number;
    rescale: boolean;
    direction: 'up' | 'down' | 'none';
    ableToScale: string;
    scalingActive: string;
    scalingLimited: string;
  };
  /** What kept the result from the metrics' count or from changing; empty when nothing did. */
  limitedBy: ReasonCode[];
  previous: HpaOtherSync | null;
  /** In a run that kept changes only: the change after this one (it may come a moment after --at); else null. */
  next: HpaOtherSync | null;
}

/** Another sync of the same HPA, in brief: the one before (previous) or after (next). */
export interface HpaOtherSync {
  timeSeconds: number;
  fromReplicas: number;
  toReplicas: number;
  metricDesiredReplicas: number | null;
  drivingMetrics: string[];
  ableToScale: string;
  scalingLimited: string;
  /** The codes of its limitedBy. */
  limitedBy: string[];
}

export interface KedaTriggerExplanation {
  name: string;
  value: string | null;
  active: boolean;
  /** The scaler's reason for being active or not (or its error). */
  why: string;
}

export interface KedaExplanation extends ExplanationTime {
  controller: 'keda';
  kind: 'ScaledObject' | 'ScaledJob';
  name: string;
  target: string;
  current: { specReplicas: number; statusReplicas: number; readyPods: number };
  triggers: KedaTriggerExplanation[];
  /** The Active condition: True, False or Unknown. */
  active: string;
  /** The executor's reason code (ScalerActive, ScalerCooldown, ScalerNotActive…); null when the row has none. */
  reason: ReasonCode | null;
  lastActiveSeconds: number | null;
  cooldownLeftSeconds: number | null;
  executor: { wrote: boolean; fromReplicas: number; toReplicas: number };
  previous: KedaOtherPoll | null;
  /** In a run that kept changes only: the change after this one; else null. */
  next: KedaOtherPoll | null;
}

/** Another poll of the same scaler, in brief: the one before (previous) or after (next). */
export interface KedaOtherPoll {
  timeSeconds: number;
  active: string;
  reasonCode: string | null;
  fromReplicas: number;
  toReplicas: number;
}

export interface CaExplanation extends ExplanationTime {
  controller: 'ca';
  kind: 'ClusterAutoscaler';
  name: string;
  /** scale-up, scale-down or no-op. */
  action: string;
  /** The group acted on: for a scale-up, the expander's choice. */
  group: string | null;
  nodesBefore: number;
  nodesAfter: number;
  unschedulablePods: number;
  reason: ReasonCode;
  detail: CaDetail;
  previous: CaOtherLoop | null;
  /** In a run that kept changes only: the change after this one; else null. */
  next: CaOtherLoop | null;
}

/** Another loop of the cluster-autoscaler, in brief: the one before (previous) or after (next). */
export interface CaOtherLoop {
  timeSeconds: number;
  action: string;
  reasonCode: string;
  nodesBefore: number;
  nodesAfter: number;
}

/** The ca_detail cell, taken apart. */
export interface CaDetail {
  text: string;
  nodesAdded: number | null;
  podsHelped: number | null;
  cappedBy: string | null;
  skippedGroups: { group: string; reason: string }[];
  removing: { node: string; drain: boolean }[];
  unneeded: { node: string; forSeconds: number }[];
  /** Nodes unneeded long enough that a limit kept (`held: n3 (ParallelismLimitReached)`). */
  held: { node: string; reason: string }[];
  /** A loop whose reason is the scale-up's gives the scale-down's here (`scale-down: NoRemovableNodes`). */
  scaleDownReason: string | null;
  /** Groups whose scale-up timed out at the start of the loop (`scale-up timed out: workers after 905s`), backed off. */
  timedOut: { group: string; afterSeconds: number }[];
  /** Groups whose instances the cloud reported failed (`scale-up failed: zone-a 1 node(s) OutOfResource/…`), backed off. */
  failed: { group: string; nodes: number; error: string }[];
  /** Instances that failed to launch and were deleted in the loop (`1 node(s) that failed to create deleted`). */
  failedDeleted: number;
}

/** A preemption by kube-scheduler: who preempted whom on which node. */
export interface SchedulerExplanation extends ExplanationTime {
  controller: 'scheduler';
  kind: 'Scheduler';
  name: string;
  reason: ReasonCode;
  preemptor: { pod: string; priority: number; workload: string } | null;
  node: string | null;
  victims: { pod: string; workload: string; priority: number }[];
  detail: string;
  previous: { timeSeconds: number; detail: string } | null;
}

/** A workload controller's FailedCreate: the pod creates a ResourceQuota refused, and its retry; or a rolled-out StatefulSet's pod event (SuccessfulCreate, SuccessfulDelete) and its step. */
export interface CreateFailureExplanation extends ExplanationTime {
  controller: 'replicaset' | 'statefulset' | 'job';
  kind: 'ReplicaSet' | 'StatefulSet' | 'Job';
  /** The creating object: a Deployment's (its ReplicaSet's), a StatefulSet's or a Job's name. */
  name: string;
  /** The pods' workload. */
  workload: string;
  /** A rolled-out StatefulSet's pod event: the pod created or deleted. */
  pod?: string;
  /** The quota named in the message; null when the message names none. */
  quota: string | null;
  reason: ReasonCode;
  detail: string;
  /** The row before of the same controller and name: a FailedCreate, or a rolled-out StatefulSet's pod event. */
  previous: { timeSeconds: number; reason: string; detail: string } | null;
}

/** A Deployment's rollout event: which ReplicaSet, what happened and why, and the event before it. */
export interface DeploymentExplanation extends ExplanationTime {
  controller: 'deployment';
  kind: 'Deployment';
  name: string;
  replicaSet: string;
  /** ScalingReplicaSet: the set's size before and after (null for another reason). */
  scaled: { fromReplicas: number; toReplicas: number } | null;
  reason: ReasonCode;
  detail: string;
  previous: { timeSeconds: number; detail: string } | null;
}

export type Explanation = HpaExplanation | KedaExplanation | CaExplanation | SchedulerExplanation | CreateFailureExplanation | DeploymentExplanation;
