/**
 * A KEDA polling cycle's decisions.csv row → KedaExplanation: each trigger's value and why it is
 * active or not, the Active condition and the executor's reason code (scale_handler.go checkScalers →
 * scale_executor RequestScale), lastActiveTime, the cooldown left, and what the executor wrote.
 */
import type { KedaDecisionRow } from './decision-row.js';
import type { AskedTime, KedaExplanation, KedaOtherPoll, ReasonCode } from './explanation.js';
import { workloadHeader } from './workload-header.js';

/** ScaledJob rows name their target `jobs/<template>` (src/controllers/keda/scaled-job-controller.ts). */
const SCALED_JOB_TARGET_PREFIX = 'jobs/';

const REASON_CODE = /^([A-Z][A-Za-z]+): (.*)$/s;

/** `ScalerActive: triggers active…` → {code ScalerActive, text "triggers active…"}; null without a code. */
export function splitReasonCode(reason: string): ReasonCode | null {
  const match = REASON_CODE.exec(reason);
  return match === null ? null : { code: match[1]!, text: match[2]! };
}

function otherPoll(row: KedaDecisionRow | undefined): KedaOtherPoll | null {
  if (row === undefined) return null;
  return {
    timeSeconds: row.timeSeconds,
    active: row.active,
    reasonCode: splitReasonCode(row.reason)?.code ?? null,
    fromReplicas: row.specReplicas,
    toReplicas: row.finalReplicas,
  };
}

/**
 * Explains `row`, the KEDA decision nearest `atSeconds`; `previous` is the same scaler's poll before
 * it, `next` (a run that kept changes only) its change after it.
 */
export function explainKeda(row: KedaDecisionRow, previous: KedaDecisionRow | undefined, at: AskedTime, next?: KedaDecisionRow): KedaExplanation {
  return {
    controller: 'keda',
    kind: row.target.startsWith(SCALED_JOB_TARGET_PREFIX) ? 'ScaledJob' : 'ScaledObject',
    ...workloadHeader(row, at),
    triggers: row.triggers.map((t) => ({ name: t.name, value: t.value === '' ? null : t.value, active: t.active, why: t.reason })),
    active: row.active,
    reason: splitReasonCode(row.reason) ?? (row.reason === '' ? null : { code: '', text: row.reason }),
    lastActiveSeconds: row.lastActiveSeconds ?? null,
    cooldownLeftSeconds: row.cooldownLeftSeconds ?? null,
    executor: { wrote: row.executorWrote, fromReplicas: row.specReplicas, toReplicas: row.finalReplicas },
    previous: otherPoll(previous),
    next: otherPoll(next),
  };
}
