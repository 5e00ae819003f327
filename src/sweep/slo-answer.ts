/**
 * The sweep's answer to an SLO (best.json and the printed line): the cheapest setting that meets
 * every clause (cheapest by cheaperFirst in ./sweep-row.ts), how many meet it, and when none does,
 * the closest one — the smallest sum of clause misses (./slo.ts), cheaper first on ties — with the
 * clauses it misses.
 */
import type { GridAxis } from './grid.js';
import { meetsClause, meetsSlo, sloMiss, type Slo } from './slo.js';
import { cheaperFirst, costMeasure, rowFigures, type SweepRow } from './sweep-row.js';

export interface AnsweredSetting {
  index: number;
  id: string;
  /** Grid path → value as written. */
  setting: Record<string, string>;
  row: ReturnType<typeof rowFigures>;
}

export interface SloAnswer {
  slo: string;
  clauses: { text: string; metric: string; field: string; op: string; bound: number }[];
  /** What "cheapest" compared: cost_total, or mean_replicas for a scenario without prices. */
  cheapestBy: string;
  settings: number;
  meeting: number;
  best: AnsweredSetting | null;
  closest: (AnsweredSetting & { misses: string[] }) | null;
}

function answered(axes: readonly GridAxis[], r: SweepRow): AnsweredSetting {
  return { index: r.index, id: r.id, setting: Object.fromEntries(axes.map((a, i) => [a.name, r.values[i]!])), row: rowFigures(r.row) };
}

export function answerSlo(axes: readonly GridAxis[], rows: readonly SweepRow[], slo: Slo): SloAnswer {
  const order = cheaperFirst(rows);
  const meeting = rows.filter((r) => meetsSlo(r.row, slo)).sort(order);
  const base = {
    slo: slo.text,
    clauses: slo.clauses.map((c) => ({ text: c.text, metric: c.metric, field: c.field, op: c.op, bound: c.bound })),
    cheapestBy: costMeasure(rows).name,
    settings: rows.length,
    meeting: meeting.length,
  };
  if (meeting.length > 0) return { ...base, best: answered(axes, meeting[0]!), closest: null };
  const miss = new Map(rows.map((r) => [r, sloMiss(r.row, slo)]));
  const byMiss = (a: SweepRow, b: SweepRow): number => (miss.get(a)! === miss.get(b)! ? 0 : miss.get(a)! < miss.get(b)! ? -1 : 1);
  const closest = [...rows].sort((a, b) => byMiss(a, b) || order(a, b))[0];
  return {
    ...base,
    best: null,
    closest: closest ? { ...answered(axes, closest), misses: slo.clauses.filter((c) => !meetsClause(closest.row, c)).map((c) => c.text) } : null,
  };
}
