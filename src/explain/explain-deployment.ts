/**
 * A Deployment's rollout row (controller `deployment`, engine/decision-log.ts deploymentEvent) →
 * DeploymentExplanation: the ReplicaSet the deployment controller scaled and the step it belongs
 * to (cluster/deployment/deployment-sync.ts), or the rollout's Progressing condition turning
 * complete or stalled (cluster/deployment/rollout-status.ts).
 */
import type { DeploymentEventRow } from './decision-row.js';
import type { AskedTime, DeploymentExplanation } from './explanation.js';

const REASONS: Readonly<Record<string, string>> = Object.freeze({
  ScalingReplicaSet:
    'the deployment controller resized a ReplicaSet: a RollingUpdate step (the new set grows while every set\'s spec.replicas stays within spec.replicas + maxSurge, old ones shrink while the available pods stay at or above spec.replicas − maxUnavailable, their unavailable pods first), a Recreate step (old sets to 0, the new one at full size once every old pod is gone), or spec.replicas written during a rollout (every active set resized in proportion to its share)',
  NewReplicaSetAvailable: 'the rollout is complete: every pod of spec.replicas is of the new ReplicaSet and available (Ready for minReadySeconds), and no old pod is active; `kubectl rollout status` returns here',
  ReplicaSetUpdated: 'the rollout progresses again after it exceeded its progress deadline: more updated, ready or available pods, or fewer old ones, than at the last sync; the deadline counts from here',
  ProgressDeadlineExceeded:
    'the rollout made no progress (no more updated, ready or available pods, no fewer old ones) for progressDeadlineSeconds: the new pods are not becoming available (pending for lack of room, crashing, failing readiness). The controller only reports it and keeps rolling; old pods keep serving',
});

export function explainDeployment(row: DeploymentEventRow, previous: DeploymentEventRow | undefined, at: AskedTime): DeploymentExplanation {
  const scaled = /from (\d+) to (\d+)$/.exec(row.detail);
  return {
    controller: 'deployment',
    kind: 'Deployment',
    name: row.name,
    ...at,
    timeSeconds: row.timeSeconds,
    line: row.line,
    replicaSet: row.target,
    scaled: row.reason === 'ScalingReplicaSet' && scaled !== null ? { fromReplicas: Number(scaled[1]), toReplicas: Number(scaled[2]) } : null,
    reason: { code: row.reason, text: REASONS[row.reason] ?? row.reason },
    detail: row.detail,
    previous: previous === undefined ? null : { timeSeconds: previous.timeSeconds, detail: previous.detail },
  };
}
