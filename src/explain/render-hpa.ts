/** HpaExplanation → the indented text block `scalesim explain` prints for one HPA. */
import { NOT_COMPUTED } from '../autoscalers/hpa/evaluate-metric.js';
import type { WindowEntry } from './decision-row.js';
import type { HpaExplanation, HpaMetricExplanation, HpaOtherSync } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine, nextChangeLines, previousLabel } from './render-header.js';

/** Window entries shown before `… N more`. */
const WINDOW_ENTRIES_SHOWN = 8;

const formatEntry = (e: WindowEntry): string => `${e.replicas}@-${e.ageSeconds}s`;

/** `[3@-15s, 1@-30s … 12 more]`, youngest first as decisions.csv holds them. */
export function formatWindow(window: readonly WindowEntry[]): string {
  if (window.length === 0) return '[] (empty)';
  const shown = window.slice(0, WINDOW_ENTRIES_SHOWN).map(formatEntry);
  const more = window.length - shown.length;
  return `[${shown.join(', ')}${more > 0 ? ` … ${more} more` : ''}]`;
}

function metricLine(m: HpaMetricExplanation, nameWidth: number): string {
  const value = `${m.value ?? '(no value)'}${m.target !== null ? ` against target ${m.target}` : ''}`;
  const proposal =
    m.proposedReplicas !== null
      ? `proposes ${m.proposedReplicas} (${m.reason})`
      : m.reason === NOT_COMPUTED
        ? `${m.message ?? 'not read on this path'}`
        : `failed: ${m.reason}${m.message ? ` (${m.message})` : ''}`;
  const pods = m.pods === null ? '' : `; pods ready ${m.pods.ready}, unready ${m.pods.unready}, missing ${m.pods.missing}, ignored ${m.pods.ignored}`;
  return `    ${m.name.padEnd(nameWidth)}  ${value} → ${proposal}${pods}${m.drives ? '   ← drives' : ''}`;
}

function rateLimitLine(e: HpaExplanation): string {
  const limits = [
    e.rateLimit.scaleUpLimit === null ? '' : `scale-up limit ${e.rateLimit.scaleUpLimit}`,
    e.rateLimit.scaleDownLimit === null ? '' : `scale-down limit ${e.rateLimit.scaleDownLimit}`,
  ].filter((s) => s !== '');
  const applied = e.stabilization.path === 'behavior' || e.stabilization.path === 'legacy';
  if (!applied) return `  rate limit: not applied on the ${e.stabilization.path} path → ${e.rateLimit.scalingLimited}`;
  return `  rate limit: ${limits.length > 0 ? limits.join(', ') : 'none computed'} → ${e.rateLimit.scalingLimited}`;
}

function drivenLine(e: HpaExplanation): string {
  if (e.drivingMetrics.length === 0) return '  driven by: no metric (this path does not evaluate them)';
  const names = e.drivingMetrics.join(', ');
  const what = e.decision.direction === 'up' ? 'the scale-up' : e.decision.direction === 'down' ? 'the scale-down' : "the metrics' count";
  return `  driven by: ${names} → ${what} (proposes ${e.metricDesiredReplicas}, the max over ${e.metrics.length} metric${e.metrics.length === 1 ? '' : 's'})`;
}

function decisionLine(e: HpaExplanation): string {
  const d = e.decision;
  const what = d.rescale ? `rescale, ${d.direction}` : 'no rescale';
  return `  decision: ${d.fromReplicas} → ${d.toReplicas} (${what}), conditions AbleToScale ${d.ableToScale}, ScalingActive ${d.scalingActive}, ScalingLimited ${d.scalingLimited}`;
}

/** Another sync in brief: `1 → 2 (metrics 3 from cpu; SucceededRescale; limited by ScaleUpLimit)`. */
function syncInBrief(p: HpaOtherSync): string {
  const from = p.drivingMetrics.length === 0 ? '' : ` from ${p.drivingMetrics.join(', ')}`;
  const metrics = p.metricDesiredReplicas === null ? '' : `metrics ${p.metricDesiredReplicas}${from}; `;
  const limited = p.limitedBy.length === 0 ? '' : `; limited by ${p.limitedBy.join(', ')}`;
  return `${p.fromReplicas} → ${p.toReplicas} (${metrics}${p.ableToScale}${limited})`;
}

function previousLine(e: HpaExplanation): string {
  const p = e.previous;
  const label = previousLabel(e, 'sync');
  if (p === null) return `  ${label}: none (this is the first)`;
  return `  ${label} at ${formatSimTime(p.timeSeconds)}: ${syncInBrief(p)}`;
}

/** The text block for one HPA; lines end without a newline. */
export function renderHpa(e: HpaExplanation): string[] {
  const nameWidth = Math.max(0, ...e.metrics.map((m) => m.name.length));
  const stabilized = e.stabilization.stabilizedReplicas;
  const lines = [
    headerLine(`HPA ${e.name} → ${e.target}`, e, 'sync'),
    `  current: spec ${e.current.specReplicas}, status ${e.current.statusReplicas}, ready pods ${e.current.readyPods}`,
    '  metrics (each proposal, with the pods behind it as the HPA classes them: missing = no metrics sample yet, unready = set aside while starting up (cpu only); "ready pods" above counts Ready pods):',
    ...e.metrics.map((m) => metricLine(m, nameWidth)),
    `  desired by metrics: ${e.metricDesiredReplicas ?? '—'}${e.metricDesiredReplicas === null ? '' : ' (the max over metrics)'}`,
    drivenLine(e),
    `  stabilization (${e.stabilization.path} path): window ${formatWindow(e.stabilization.window)}; stabilized ${stabilized ?? '—'}${
      e.stabilization.heldBy ? `, held by ${formatEntry(e.stabilization.heldBy)}` : ''
    }`,
    rateLimitLine(e),
    decisionLine(e),
  ];
  if (e.limitedBy.length === 0) lines.push('  limited by: nothing');
  else lines.push('  limited by:', ...e.limitedBy.map((r) => `    ${r.code}: ${r.text}`));
  lines.push(previousLine(e), ...nextChangeLines(e, e.next, e.next === null ? '' : syncInBrief(e.next)));
  return lines;
}
