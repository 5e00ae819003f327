/**
 * Controller kind → how its decision is explained and rendered: the one place that dispatches on
 * the `controller` column (hpa, keda, ca, scheduler; replicaset, statefulset and job for FailedCreate;
 * deployment for rollout events). A new autoscaler kind means one entry here.
 */
import type { CaDecisionRow, CreateFailureRow, DeploymentEventRow, HpaDecisionRow, KedaDecisionRow, SchedulerDecisionRow } from './decision-row.js';
import { explainDeployment } from './explain-deployment.js';
import { renderDeployment } from './render-deployment.js';
import { explainCreateFailure } from './explain-create.js';
import { renderCreateFailure } from './render-create.js';
import { explainScheduler } from './explain-scheduler.js';
import { renderScheduler } from './render-scheduler.js';
import { explainCa } from './explain-ca.js';
import { explainHpa } from './explain-hpa.js';
import { explainKeda } from './explain-keda.js';
import type { AskedTime, Explanation } from './explanation.js';
import type { NearestDecision } from './nearest-decision.js';
import { renderCa } from './render-ca.js';
import { renderHpa } from './render-hpa.js';
import { renderKeda } from './render-keda.js';

/** Explains one autoscaler's nearest decision (its previous and next decisions have the same controller kind). */
export function explainDecision(pick: NearestDecision, at: AskedTime): Explanation {
  const { decision, previous, next } = pick;
  switch (decision.controller) {
    case 'hpa':
      return explainHpa(decision, previous as HpaDecisionRow | undefined, at, next as HpaDecisionRow | undefined);
    case 'keda':
      return explainKeda(decision, previous as KedaDecisionRow | undefined, at, next as KedaDecisionRow | undefined);
    case 'ca':
      return explainCa(decision, previous as CaDecisionRow | undefined, at, next as CaDecisionRow | undefined);
    case 'scheduler':
      return explainScheduler(decision, previous as SchedulerDecisionRow | undefined, at);
    case 'replicaset':
    case 'statefulset':
    case 'job':
      return explainCreateFailure(decision, previous as CreateFailureRow | undefined, at);
    case 'deployment':
      return explainDeployment(decision, previous as DeploymentEventRow | undefined, at);
  }
}

/** The controllers that decide periodically: under `decisions: changes` their row holds until their next. */
export const PERIODIC_CONTROLLERS: ReadonlySet<string> = new Set(['hpa', 'keda', 'ca']);

/** The text lines of one explanation (no trailing newlines). */
export function renderExplanation(e: Explanation): string[] {
  switch (e.controller) {
    case 'hpa':
      return renderHpa(e);
    case 'keda':
      return renderKeda(e);
    case 'ca':
      return renderCa(e);
    case 'scheduler':
      return renderScheduler(e);
    case 'replicaset':
    case 'statefulset':
    case 'job':
      return renderCreateFailure(e);
    case 'deployment':
      return renderDeployment(e);
  }
}

/** All explanations as text: one block per autoscaler, separated by a blank line. */
export function renderExplanations(explanations: readonly Explanation[]): string {
  return `${explanations.map((e) => renderExplanation(e).join('\n')).join('\n\n')}\n`;
}
