/** CaExplanation → the indented text block `scalesim explain` prints for the cluster-autoscaler. */
import { caReason } from './explain-ca.js';
import type { CaExplanation, CaOtherLoop } from './explanation.js';
import { formatSimTime } from './format-sim-time.js';
import { headerLine, nextChangeLines, previousLabel } from './render-header.js';

/** Why a node unneeded long enough was not removed this loop (planner.go RemovableAt, budgets.go). */
const HELD_REASONS: Readonly<Record<string, string>> = Object.freeze({
  ParallelismLimitReached: 'deletions in progress fill --max-scale-down-parallelism, or drains --max-drain-parallelism',
  NodeGroupMinSizeReached: "its node group is at its min size, deletions in progress counted",
  MinimalResourceLimitExceeded: 'removing it would take the cluster below --cores-total or --memory-total minimums',
});

function actionLine(e: CaExplanation): string {
  const nodes = `autoscaled nodes ${e.nodesBefore} → ${e.nodesAfter}`;
  if (e.action === 'scale-up') return `  action: scale-up of ${e.group ?? '?'} (${nodes})`;
  if (e.action === 'scale-down') return `  action: scale-down in ${e.group ?? '?'} (${nodes}; a drained node goes once its pods have left)`;
  return `  action: ${e.action} (${nodes})`;
}

function detailLines(e: CaExplanation): string[] {
  const d = e.detail;
  const lines: string[] = [];
  if (d.timedOut.length > 0) {
    const groups = d.timedOut.map((t) => `${t.group} ${t.afterSeconds} s after its last scale-up`).join(', ');
    lines.push(`  scale-up timed out: ${groups} (nodes still unregistered or NotStarted past --max-node-provision-time; the group is backed off)`);
  }
  if (d.failed.length > 0) {
    const groups = d.failed.map((f) => `${f.group}, ${f.nodes} node(s): ${f.error}`).join('; ');
    lines.push(`  scale-up failed at the cloud: ${groups} (the cloud provider reported the launch failed; the group is backed off)`);
  }
  if (d.failedDeleted > 0) lines.push(`  deleted ${d.failedDeleted} instance(s) that failed to launch (deleteCreatedNodesWithErrors)`);
  if (e.action === 'scale-up') {
    const added = d.nodesAdded === null ? '' : ` (+${d.nodesAdded} node(s) for ${d.podsHelped ?? '?'} pod(s))`;
    lines.push(`  expander chose: ${e.group ?? '?'}${added}${d.cappedBy ? `, capped by ${d.cappedBy}` : ''}`);
  }
  if (d.skippedGroups.length > 0) lines.push(`  skipped groups: ${d.skippedGroups.map((s) => `${s.group} (${s.reason})`).join(', ')}`);
  if (d.scaleDownReason !== null) {
    const r = caReason(d.scaleDownReason);
    lines.push(`  scale-down: ${r.code}: ${r.text}`);
  }
  if (d.removing.length > 0) lines.push(`  removing: ${d.removing.map((r) => `${r.node}${r.drain ? ' (drain)' : ' (empty)'}`).join(', ')}`);
  if (d.unneeded.length > 0) lines.push(`  unneeded nodes: ${d.unneeded.map((u) => `${u.node} for ${u.forSeconds} s`).join(', ')}`);
  if (d.held.length > 0) lines.push(`  held back: ${d.held.map((h) => `${h.node} (${HELD_REASONS[h.reason] ?? h.reason})`).join(', ')}`);
  if (lines.length === 0 && d.text !== '') lines.push(`  detail: ${d.text}`);
  return lines;
}

/** Another loop in brief: `no-op (NoRemovableNodes), nodes 1 → 1`. */
const loopInBrief = (p: CaOtherLoop): string => `${p.action} (${p.reasonCode}), nodes ${p.nodesBefore} → ${p.nodesAfter}`;

/** The text block for the cluster-autoscaler; lines end without a newline. */
export function renderCa(e: CaExplanation): string[] {
  const p = e.previous;
  return [
    headerLine('cluster-autoscaler', e, 'loop'),
    `  saw: ${e.unschedulablePods} unschedulable pod(s), ${e.nodesBefore} autoscaled node(s) (booting ones included)`,
    actionLine(e),
    `  reason: ${e.reason.code}: ${e.reason.text}`,
    ...detailLines(e),
    p === null ? `  ${previousLabel(e, 'loop')}: none (this is the first)` : `  ${previousLabel(e, 'loop')} at ${formatSimTime(p.timeSeconds)}: ${loopInBrief(p)}`,
    ...nextChangeLines(e, e.next, e.next === null ? '' : loopInBrief(e.next)),
  ];
}
