/**
 * A workload controller's decisions.csv FailedCreate row (controller `replicaset`, `statefulset`
 * or `job`: engine/decision-log.ts failedCreate) → CreateFailureExplanation: the quota admission
 * refused pod creates, and when the controller tries again (cluster/rate-limited-requeue.ts); and a
 * rolled-out StatefulSet's SuccessfulCreate and SuccessfulDelete rows (controller `statefulset`,
 * path `rollout`), which tell why the controller made or deleted a pod.
 */
import { CONTROLLER_RATE_LIMIT, JOB_RATE_LIMIT } from '../cluster/rate-limited-requeue.js';
import type { CreateFailureRow } from './decision-row.js';
import type { AskedTime, CreateFailureExplanation } from './explanation.js';

const KIND: Readonly<Record<CreateFailureRow['controller'], CreateFailureExplanation['kind']>> = Object.freeze({ replicaset: 'ReplicaSet', statefulset: 'StatefulSet', job: 'Job' });

const seconds = (s: number): string => (s < 1 ? `${s * 1000} ms` : `${s} s`);
const { baseSeconds, maxSeconds } = CONTROLLER_RATE_LIMIT;
const queue = `${seconds(baseSeconds)} later, doubling at each failed sync up to ${seconds(maxSeconds)} (client-go DefaultControllerRateLimiter), or at once when one of its own pods or its spec.replicas changes`;

/** When each controller's work queue tries a failed sync again (rate-limited-requeue.ts). */
const RETRY: Readonly<Record<CreateFailureRow['controller'], string>> = Object.freeze({
  replicaset: `the ReplicaSet controller retries ${queue}; quota that other workloads free is seen only at that retry`,
  statefulset: `the StatefulSet controller retries ${queue}`,
  job: `the Job controller retries ${seconds(JOB_RATE_LIMIT.baseSeconds)} later, doubling up to ${seconds(JOB_RATE_LIMIT.maxSeconds)} (DefaultJobApiBackOff, MaxJobApiBackOff); KEDA counts the Job as pending meanwhile`,
});

/**
 * A rolled-out StatefulSet's pod events (decision-log.ts statefulSetEvent; the row's target is the
 * pod, its detail ends with the step in parentheses): why the StatefulSet controller created or
 * deleted it (cluster/stateful-set-controller.ts).
 */
const ORDERED = 'under OrderedReady only once every lower ordinal is Running, Ready and available';
const STATEFUL_SET_STEPS: readonly { reason: string; step: RegExp; text: string }[] = Object.freeze([
  {
    reason: 'SuccessfulDelete',
    step: /\(for update to revision [^)]*\)$/,
    text: 'a rolling update step: the pod was not at the update revision; the controller deletes such pods highest ordinal first, from the top down to the partition, while at most maxUnavailable replicas are unavailable (under OrderedReady only once every replica is Running, Ready and available), and makes each anew at the update revision once it is gone',
  },
  { reason: 'SuccessfulDelete', step: /\(for scale down\)$/, text: 'spec.replicas went below its ordinal: the condemned pods go highest ordinal first (one at a time under OrderedReady, each once the pods below are Running, Ready and available)' },
  { reason: 'SuccessfulDelete', step: /\(for failed\)$/, text: 'the pod had finished (Failed or Succeeded): the controller deletes it and makes it anew at its ordinal once it is gone' },
  {
    reason: 'SuccessfulCreate',
    step: /\(at revision [^)]*\)$/,
    text: `the pod at this ordinal was missing (deleted for an update, a scale-up, a failure or an eviction): the controller made it, ${ORDERED}, at the revision newVersionedStatefulSetPod gives: under RollingUpdate the current one below the partition (or, with no rollingUpdate written, below the last status's currentReplicas), else the update revision (always under OnDelete)`,
  },
]);

/** The text of a StatefulSet pod event row; undefined for a FailedCreate. */
function statefulSetStep(row: CreateFailureRow): string | undefined {
  if (row.controller !== 'statefulset') return undefined;
  return STATEFUL_SET_STEPS.find((s) => s.reason === row.reason && s.step.test(row.detail))?.text;
}

export function explainCreateFailure(row: CreateFailureRow, previous: CreateFailureRow | undefined, at: AskedTime): CreateFailureExplanation {
  const quota = /exceeded quota: ([^,]+),/.exec(row.detail)?.[1] ?? null;
  const event = statefulSetStep(row);
  return {
    controller: row.controller,
    kind: KIND[row.controller],
    name: row.name,
    ...at,
    timeSeconds: row.timeSeconds,
    line: row.line,
    // A StatefulSet's pod event names the pod as its target; its workload is the set itself.
    ...(event === undefined ? { workload: row.target } : { workload: row.name, pod: row.target }),
    quota,
    reason: {
      code: row.reason,
      text: event ?? `the ResourceQuota admission refused the pod (its usage added to what the quota counts would pass spec.hard); ${RETRY[row.controller]}`,
    },
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, reason: previous.reason, detail: previous.detail },
  };
}
