/** DeploymentExplanation → the text block `scalesim explain` prints for a rollout event. */
import type { DeploymentExplanation } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine } from './render-header.js';

export function renderDeployment(e: DeploymentExplanation): string[] {
  return [
    headerLine(`Deployment ${e.name} rollout`, e),
    `  replica set: ${e.replicaSet}${e.scaled === null ? '' : ` (${e.scaled.fromReplicas} → ${e.scaled.toReplicas})`}`,
    `  event: ${e.detail}`,
    `  reason: ${e.reason.code}: ${e.reason.text}`,
    e.previous === null ? `  previous rollout event of ${e.name}: none (this is the first)` : `  previous rollout event of ${e.name} at ${formatSimTime(e.previous.timeSeconds)}: ${e.previous.detail}`,
  ];
}
