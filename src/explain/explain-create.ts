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
 * pod): why the StatefulSet controller creates or deletes (cluster/stateful-set-controller.ts).
 */
const STATEFUL_SET_EVENTS: Readonly<Record<string, string>> = Object.freeze({
  SuccessfulDelete:
    'the StatefulSet controller deleted the pod: for update, a rolling update step (pods not at the update revision, highest ordinal first, from the top down to the partition, at most maxUnavailable unavailable at once; under OrderedReady only once every replica is Running, Ready and available), and the pod is made anew at the update revision once it is gone; for scale down, the highest condemned ordinal (one at a time under OrderedReady); for failed, a Failed or Succeeded pod made anew at its ordinal',
  SuccessfulCreate:
    'the StatefulSet controller made the missing pod at its ordinal (under OrderedReady only once every lower ordinal is Running, Ready and available): at the current revision below the partition, at the update revision from it up',
});

export function explainCreateFailure(row: CreateFailureRow, previous: CreateFailureRow | undefined, at: AskedTime): CreateFailureExplanation {
  const quota = /exceeded quota: ([^,]+),/.exec(row.detail)?.[1] ?? null;
  const event = row.controller === 'statefulset' ? STATEFUL_SET_EVENTS[row.reason] : undefined;
  return {
    controller: row.controller,
    kind: KIND[row.controller],
    name: row.name,
    ...at,
    timeSeconds: row.timeSeconds,
    line: row.line,
    workload: row.target,
    quota,
    reason: {
      code: row.reason,
      text: event ?? `the ResourceQuota admission refused the pod (its usage added to what the quota counts would pass spec.hard); ${RETRY[row.controller]}`,
    },
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, detail: previous.detail },
  };
}
