/**
 * report.md's Rollouts table (runs with spec.rollouts): one row per rollout (a Deployment's or a StatefulSet's) from
 * summary.json's `rollouts`: when it began, how long it took (or how it ended), the ready pods it
 * began with and the fewest while it ran, the most pods at once, and the requests over its stretch.
 */
import { formatSpan } from '../charts/chart-context.js';
import type { RolloutSummary, RunSummary } from '../summary.js';
import { formatMarkdownTable } from './markdown-table.js';
import { escapeMarkdownText } from './markdown-text.js';
import { ms, percent } from './summary-tables.js';

function outcome(o: RolloutSummary): string {
  const deadline = o.progressDeadlineExceededSeconds === null ? '' : `; progress deadline exceeded at ${formatSpan(o.progressDeadlineExceededSeconds)}`;
  if (o.durationSeconds !== null) return `completed in ${formatSpan(o.durationSeconds)}${deadline}`;
  return `${o.supersededSeconds !== null ? `superseded at ${formatSpan(o.supersededSeconds)}` : 'not complete at the end'}${deadline}`;
}


/** Rows the table shows; summary.json has every rollout. */
const ROWS_SHOWN = 50;

/** undefined when no workload had a rollout; past 50 rollouts, the first 50 and a line counting the rest. */
export function formatRolloutTable(summary: RunSummary): string | undefined {
  const all = summary.workloads.flatMap((w) =>
    (w.rollouts ?? []).map((o) => [
      escapeMarkdownText(w.name),
      `${o.revision} (${escapeMarkdownText(o.replicaSet ?? o.controllerRevision ?? '')})`,
      formatSpan(o.startedSeconds),
      outcome(o),
      `${o.pods.readyAtStart} / ${o.pods.minReady}`,
      String(o.pods.peak),
      o.requests === null ? '—' : ms(o.requests.responseTimeSeconds.p95),
      o.requests === null ? '—' : percent(o.requests.servedPercent),
    ]),
  );
  if (all.length === 0) return undefined;
  const header = ['workload', 'revision', 'started', 'outcome', 'ready at start / fewest', 'most pods', 'p95 ms over it', 'served % over it'];
  const table = formatMarkdownTable(header, all.slice(0, ROWS_SHOWN), ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'right']);
  return all.length > ROWS_SHOWN ? `${table}\n\n… and ${all.length - ROWS_SHOWN} more rollouts: summary.json has every one.` : table;
}
