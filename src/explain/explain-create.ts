/**
 * A workload controller's decisions.csv FailedCreate row (controller `replicaset`, `statefulset`
 * or `job`: engine/decision-log.ts failedCreate) → CreateFailureExplanation: the quota admission
 * refused pod creates, and when the controller tries again (cluster/rate-limited-requeue.ts).
 */
import type { CreateFailureRow } from './decision-row.js';
import type { CreateFailureExplanation } from './explanation.js';

const KIND: Readonly<Record<CreateFailureRow['controller'], CreateFailureExplanation['kind']>> = Object.freeze({ replicaset: 'ReplicaSet', statefulset: 'StatefulSet', job: 'Job' });

/** When each controller's work queue tries a failed sync again. */
const RETRY: Readonly<Record<CreateFailureRow['controller'], string>> = Object.freeze({
  replicaset: 'the ReplicaSet controller retries 5 ms later, doubling at each failed sync up to 1000 s (client-go DefaultControllerRateLimiter), or at once when one of its own pods or its spec.replicas changes; quota that other workloads free is seen only at that retry',
  statefulset: 'the StatefulSet controller retries 5 ms later, doubling at each failed sync up to 1000 s (client-go DefaultControllerRateLimiter), or at once when one of its own pods or its spec.replicas changes',
  job: 'the Job controller retries 1 s later, doubling up to 60 s (DefaultJobApiBackOff, MaxJobApiBackOff); KEDA counts the Job as pending meanwhile',
});

export function explainCreateFailure(row: CreateFailureRow, previous: CreateFailureRow | undefined, atSeconds: number): CreateFailureExplanation {
  const quota = /exceeded quota: ([^,]+),/.exec(row.detail)?.[1] ?? null;
  return {
    controller: row.controller,
    kind: KIND[row.controller],
    name: row.name,
    atSeconds,
    timeSeconds: row.timeSeconds,
    line: row.line,
    workload: row.target,
    quota,
    reason: {
      code: row.reason,
      text: `the ResourceQuota admission refused the pod (its usage added to what the quota counts would pass spec.hard); ${RETRY[row.controller]}`,
    },
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, detail: previous.detail },
  };
}
