/**
 * The sweep's answer to an SLO (best.json and the printed line): the cheapest setting that meets
 * every clause (cheapest by cheaperFirst in ./sweep-row.ts), how many meet it, and when none does,
 * the closest one — the smallest sum of clause misses (./slo.ts), cheaper first on ties — with the
 * clauses it misses. Settings judged across seeds (./replicates.ts) meet the SLO only when every
 * seed's run does; their miss is their worst seed's.
 */
import type { GridAxis } from './grid.js';
import { parameterAxes, type SettingAcrossSeeds } from './replicates.js';
import { meetsClause, meetsSlo, sloMiss, type Slo } from './slo.js';
import { cheaperFirst, costMeasure, rowFigures, type SweepRow } from './sweep-row.js';

export interface AnsweredSetting {
  index: number;
  id: string;
  /** Grid path → value as written (the seed axis left out when the setting is judged across seeds). */
  setting: Record<string, string>;
  row: ReturnType<typeof rowFigures>;
  /** Judged across seeds: the seeds, and how many of them meet the SLO. */
  seeds?: string[];
  seedsMeeting?: number;
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

/** The runs a setting is judged on: its seeds' runs, or the setting's own row. */
function runsOf(r: SweepRow): readonly SweepRow[] {
  return (r as Partial<SettingAcrossSeeds>).runs ?? [r];
}

function answered(axes: readonly GridAxis[], r: SweepRow, slo: Slo): AnsweredSetting {
  const seeds = (r as Partial<SettingAcrossSeeds>).seeds;
  const named = parameterAxes(axes, [r]);
  return {
    index: r.index,
    id: r.id,
    setting: Object.fromEntries(named.map((a, i) => [a.name, r.values[i]!])),
    row: rowFigures(r.row),
    ...(seeds ? { seeds, seedsMeeting: runsOf(r).filter((run) => meetsSlo(run.row, slo)).length } : {}),
  };
}

export function answerSlo(axes: readonly GridAxis[], rows: readonly SweepRow[], slo: Slo): SloAnswer {
  const order = cheaperFirst(rows);
  const meets = (r: SweepRow): boolean => runsOf(r).every((run) => meetsSlo(run.row, slo));
  const meeting = rows.filter(meets).sort(order);
  const base = {
    slo: slo.text,
    clauses: slo.clauses.map((c) => ({ text: c.text, metric: c.metric, field: c.field, op: c.op, bound: c.bound })),
    cheapestBy: costMeasure(rows).name,
    settings: rows.length,
    meeting: meeting.length,
  };
  if (meeting.length > 0) return { ...base, best: answered(axes, meeting[0]!, slo), closest: null };
  const miss = new Map(rows.map((r) => [r, Math.max(...runsOf(r).map((run) => sloMiss(run.row, slo)))]));
  const byMiss = (a: SweepRow, b: SweepRow): number => (miss.get(a)! === miss.get(b)! ? 0 : miss.get(a)! < miss.get(b)! ? -1 : 1);
  const closest = [...rows].sort((a, b) => byMiss(a, b) || order(a, b))[0];
  return {
    ...base,
    best: null,
    closest: closest ? { ...answered(axes, closest, slo), misses: slo.clauses.filter((c) => runsOf(closest).some((run) => !meetsClause(run.row, c))).map((c) => c.text) } : null,
  };
}
