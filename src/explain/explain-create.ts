/**
 * A workload controller's decisions.csv FailedCreate row (controller `replicaset`, `statefulset`
 * or `job`: engine/decision-log.ts failedCreate) → CreateFailureExplanation: the quota admission
 * refused pod creates, and when the controller tries again (cluster/rate-limited-requeue.ts).
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

export function explainCreateFailure(row: CreateFailureRow, previous: CreateFailureRow | undefined, at: AskedTime): CreateFailureExplanation {
  const quota = /exceeded quota: ([^,]+),/.exec(row.detail)?.[1] ?? null;
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
      text: `the ResourceQuota admission refused the pod (its usage added to what the quota counts would pass spec.hard); ${RETRY[row.controller]}`,
    },
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, detail: previous.detail },
  };
}
