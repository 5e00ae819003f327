/** KedaExplanation → the indented text block `scalesim explain` prints for one ScaledObject or ScaledJob. */
import type { KedaExplanation, KedaOtherPoll, KedaTriggerExplanation } from './explanation.js';
import { formatSeconds, formatSimTime } from './format-sim-time.js';
import { headerLine, nextChangeLines, previousLabel } from './render-header.js';

function triggerLine(t: KedaTriggerExplanation, nameWidth: number): string {
  return `    ${t.name.padEnd(nameWidth)}  ${t.value === null ? '(no value)' : `value ${t.value}`} → ${t.active ? 'active' : 'inactive'}${t.why ? `: ${t.why}` : ''}`;
}

function lastActiveLine(e: KedaExplanation): string {
  const last =
    e.lastActiveSeconds === null
      ? 'lastActiveTime: never set'
      : `lastActiveTime: ${formatSimTime(e.lastActiveSeconds)}, ${formatSeconds(e.timeSeconds - e.lastActiveSeconds)} before this poll`;
  const cooldown = e.cooldownLeftSeconds === null ? 'not cooling down' : `cooling down, ${formatSeconds(e.cooldownLeftSeconds)} left`;
  return `  ${last}; cooldown: ${cooldown}`;
}

function executorLine(e: KedaExplanation): string {
  const { wrote, fromReplicas, toReplicas } = e.executor;
  if (e.kind === 'ScaledJob') {
    return wrote ? `  executor: created ${toReplicas - fromReplicas} job(s): ${fromReplicas} → ${toReplicas} running` : `  executor: created no job (${fromReplicas} running)`;
  }
  if (!wrote) return `  executor: wrote nothing (${fromReplicas} replicas stay; the HPA scales between 1 and max)`;
  return `  executor: wrote ${fromReplicas} → ${toReplicas} replicas${toReplicas === fromReplicas ? ' (already there)' : ''}`;
}

/** Another poll in brief: `active True (ScalerActive), 0 → 1`. */
const pollInBrief = (p: KedaOtherPoll): string => `active ${p.active}${p.reasonCode ? ` (${p.reasonCode})` : ''}, ${p.fromReplicas} → ${p.toReplicas}`;

function previousLine(e: KedaExplanation): string {
  const p = e.previous;
  const label = previousLabel(e, 'poll');
  if (p === null) return `  ${label}: none (this is the first)`;
  return `  ${label} at ${formatSimTime(p.timeSeconds)}: ${pollInBrief(p)}`;
}

/** The text block for one ScaledObject or ScaledJob; lines end without a newline. */
export function renderKeda(e: KedaExplanation): string[] {
  const nameWidth = Math.max(0, ...e.triggers.map((t) => t.name.length));
  const reason = e.reason === null ? '' : e.reason.code ? ` — ${e.reason.code}: ${e.reason.text}` : ` — ${e.reason.text}`;
  return [
    headerLine(`${e.kind} ${e.name} → ${e.target}`, e, 'poll'),
    `  current: spec ${e.current.specReplicas}, status ${e.current.statusReplicas}, ready pods ${e.current.readyPods}`,
    '  triggers (value → active or not, and why):',
    ...e.triggers.map((t) => triggerLine(t, nameWidth)),
    `  active: ${e.active}${reason}`,
    lastActiveLine(e),
    executorLine(e),
    previousLine(e),
    ...nextChangeLines(e, e.next, e.next === null ? '' : pollInBrief(e.next)),
  ];
}
