/**
 * Service-level objectives for a sweep's answer (`--slo "p95<300ms,served>99.9%"`): comma-separated
 * clauses `<metric><op><value><unit>`, op one of < <= > >=, all of which a setting must meet.
 *   p50, p95, p99            response time of the busiest workload; unit ms (default) or s
 *   worstP95                 the highest p95 of any workload judged (every workload's p95 under
 *                            the bound); unit ms (default) or s
 *   served, dropped          % of offered requests; unit % (optional)
 *   coldStarts, scaleEvents, peakReplicas, meanReplicas, peakNodes, meanNodes, flapsPerHour
 *                            counts, no unit
 *   pendingPodSeconds, underProvisionedSeconds
 *                            seconds; unit s (optional)
 *   cost                     the cost total in the report currency, no unit
 *   rolloutP95               the highest p95 over any rollout's stretch (a Deployment's or a
 *                            StatefulSet's); unit ms or s
 *   longestRollout           the longest time a rollout took (one that did not complete: until
 *                            the next superseded it or the run ended, at least); unit s (optional)
 *   unfinishedRollouts       rollouts that did not complete (superseded, or running at the end),
 *                            no unit. A setting whose run had no rollout meets a clause on any of
 *                            the three, and one whose rollouts were offered no request a rolloutP95
 *                            clause (the figure is absent).
 * A clause's miss measures how far a setting is from meeting it, relative to the bound (for served,
 * relative to the unserved share the bound allows: served 99.0% against >99.9% misses by 9×), so the
 * closest setting can be named when none meets the SLO.
 * A setting without the figure a clause names (null: no p50/p95/p99 when its busiest workload served
 * no request, no cost without prices) meets no clause on it, whatever the operator, and misses it by
 * Infinity: it is never the answer for that clause, and comes last when the closest is chosen.
 * Except served and dropped: a setting whose workloads were offered no request has no share of them
 * (null, ../report/offered-share.ts) and cannot violate an objective on one, so such a clause is left
 * out of its check (met, whatever the operator, missing by 0). The share is a ratio of sums over the
 * workloads judged, so a workload offered nothing beside others that were is already left out of it.
 */
import type { ComparisonRow } from '../compare/comparison-row.js';
import { UserInputError } from '../errors/user-input-error.js';

type Op = '<' | '<=' | '>' | '>=';

interface MetricDef {
  field: keyof ComparisonRow;
  /** Accepted units and the factor to the field's unit. */
  units: Record<string, number>;
  /** Misses of a lower bound are measured on 100 − value (a percentage of successes). */
  complement?: boolean;
  /** The largest value the figure can take (percentages: 100); every figure is ≥ 0. */
  max?: number;
  /** A share of offered requests: a setting offered none (null) cannot violate a clause on it. */
  offeredShare?: boolean;
  /** A rollout figure: a setting whose run had no rollout (the figure absent, not null) cannot violate a clause on it. */
  rollout?: boolean;
}

const COUNT = { '': 1 };
const SECONDS = { '': 1, s: 1 };
const PERCENT = { '': 1, '%': 1 };
const TIME = { '': 1, ms: 1, s: 1000 };

export const SLO_METRICS: Record<string, MetricDef> = {
  p50: { field: 'p50Ms', units: TIME },
  p95: { field: 'p95Ms', units: TIME },
  p99: { field: 'p99Ms', units: TIME },
  worstP95: { field: 'worstP95Ms', units: TIME },
  served: { field: 'servedPercent', units: PERCENT, complement: true, max: 100, offeredShare: true },
  dropped: { field: 'droppedPercent', units: PERCENT, max: 100, offeredShare: true },
  coldStarts: { field: 'coldStarts', units: COUNT },
  pendingPodSeconds: { field: 'pendingPodSeconds', units: SECONDS },
  underProvisionedSeconds: { field: 'underProvisionedSeconds', units: SECONDS },
  scaleEvents: { field: 'scaleEvents', units: COUNT },
  flapsPerHour: { field: 'flapsPerHour', units: COUNT },
  peakReplicas: { field: 'peakReplicas', units: COUNT },
  meanReplicas: { field: 'meanReplicas', units: COUNT },
  peakNodes: { field: 'peakNodes', units: COUNT },
  meanNodes: { field: 'meanNodes', units: COUNT },
  cost: { field: 'costTotal', units: COUNT },
  rolloutP95: { field: 'rolloutP95Ms', units: TIME, rollout: true },
  longestRollout: { field: 'longestRolloutSeconds', units: SECONDS, rollout: true },
  unfinishedRollouts: { field: 'unfinishedRollouts', units: COUNT, rollout: true },
};

export interface SloClause {
  /** The clause as written (trimmed). */
  text: string;
  metric: string;
  field: keyof ComparisonRow;
  op: Op;
  /** The bound in the field's unit (ms, %, seconds, counts). */
  bound: number;
}

export interface Slo {
  text: string;
  clauses: SloClause[];
}

const CLAUSE = /^([A-Za-z][A-Za-z0-9]*)\s*(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z%]*)$/;

function unitList(units: Record<string, number>): string {
  const named = Object.keys(units).filter((u) => u !== '');
  return named.length === 0 ? 'no unit' : `unit ${named.join(' or ')}`;
}

/** Why no setting can meet `op bound` (every figure is ≥ 0, a percentage ≤ 100), or undefined. */
function unmeetable(op: Op, bound: number, def: MetricDef): string | undefined {
  if ((op === '<' && bound <= 0) || (op === '<=' && bound < 0)) return 'never below 0';
  if (def.max !== undefined && ((op === '>' && bound >= def.max) || (op === '>=' && bound > def.max))) return `at most ${def.max}%`;
  return undefined;
}

export function parseSlo(text: string, flag = '--slo'): Slo {
  const fail = (message: string): never => {
    throw new UserInputError({
      file: '(command line)',
      field: flag,
      message,
      hint: `e.g. --slo "p95<300ms,served>99.9%"; metrics: ${Object.keys(SLO_METRICS).join(', ')}`,
    });
  };
  const parts = text.split(',').map((s) => s.trim());
  if (parts.every((p) => p === '')) fail('expected at least one clause <metric><op><value><unit>, got an empty SLO');
  const clauses: SloClause[] = [];
  for (const part of parts) {
    if (part === '') fail(`"${text}" has an empty clause: expected clauses separated by single commas`);
    const m = CLAUSE.exec(part);
    if (m === null) fail(`"${part}" is not <metric><op><value><unit> with op one of < <= > >=`);
    const [, metric, op, number, unit] = m!;
    const def = SLO_METRICS[metric!];
    if (!def) fail(`unknown metric "${metric}" in "${part}": expected one of ${Object.keys(SLO_METRICS).join(', ')}`);
    const factor = def!.units[unit!];
    if (factor === undefined) fail(`"${part}": ${metric} takes ${unitList(def!.units)}, got "${unit}"`);
    const bound = Number(number) * factor!;
    const never = unmeetable(op as Op, bound, def!);
    if (never !== undefined) fail(`"${part}" can never be met: ${metric} is ${never}`);
    clauses.push({ text: part, metric: metric!, field: def!.field, op: op as Op, bound });
  }
  return { text: parts.join(','), clauses };
}

/** The clause's figure of `row`, or null when it has none (a NaN, should one come in, is none too). */
function valueOf(row: ComparisonRow, clause: SloClause): number | null {
  const v = row[clause.field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Whether the clause is on a share of offered requests (served, dropped). */
function onOfferedShare(clause: SloClause): boolean {
  return SLO_METRICS[clause.metric]?.offeredShare === true;
}

/** A rollout clause on a run without rollouts, or a rolloutP95 one whose rollouts were offered no request (the figure absent): nothing to judge. */
function noRollout(row: ComparisonRow, clause: SloClause): boolean {
  return SLO_METRICS[clause.metric]?.rollout === true && row[clause.field] === undefined;
}

export function meetsClause(row: ComparisonRow, clause: SloClause): boolean {
  const v = valueOf(row, clause);
  // No request offered (nothing served or dropped to judge) or no rollout: the clause is left out (met).
  if (v === null) return onOfferedShare(clause) || noRollout(row, clause);
  switch (clause.op) {
    case '<':
      return v < clause.bound;
    case '<=':
      return v <= clause.bound;
    case '>':
      return v > clause.bound;
    case '>=':
      return v >= clause.bound;
  }
}

export function meetsSlo(row: ComparisonRow, slo: Slo): boolean {
  return slo.clauses.every((c) => meetsClause(row, c));
}

/** How far `row` is from meeting `clause` (0 when it does), relative to the bound; Infinity without a value. */
export function clauseMiss(row: ComparisonRow, clause: SloClause): number {
  if (meetsClause(row, clause)) return 0;
  const v = valueOf(row, clause);
  if (v === null) return Number.POSITIVE_INFINITY;
  const upper = clause.op === '<' || clause.op === '<=';
  const gap = upper ? v - clause.bound : clause.bound - v;
  const complement = SLO_METRICS[clause.metric]?.complement === true && !upper;
  const scale = complement ? 100 - clause.bound : Math.abs(clause.bound);
  // A strict bound met with equality still misses: count it as a tiny miss, not zero.
  return Math.max(gap, Number.EPSILON) / (scale > 0 ? scale : 1);
}

export function sloMiss(row: ComparisonRow, slo: Slo): number {
  return slo.clauses.reduce((s, c) => s + clauseMiss(row, c), 0);
}

/**
 * What to tell the user about clauses no row can be judged on: a figure every row lacks (cost, for a
 * scenario without prices), so no setting meets the SLO whatever its other figures; or a served or
 * dropped share, when no setting's workloads were offered a request, so every setting meets it.
 */
export function unjudgedClauses(slo: Slo, rows: readonly ComparisonRow[]): string[] {
  const notes: string[] = [];
  for (const clause of slo.clauses) {
    if (rows.length > 0 && rows.every((row) => valueOf(row, clause) === null)) {
      if (onOfferedShare(clause)) {
        notes.push(`note: "${clause.text}" is met by every setting: no setting's workloads were offered a request, so none has a ${clause.metric} share`);
        continue;
      }
      if (rows.every((row) => noRollout(row, clause))) {
        notes.push(`note: "${clause.text}" is met by every setting: no setting's run had a rollout (spec.rollouts) offered a request`);
        continue;
      }
      const why =
        clause.metric === 'cost'
          ? 'the scenario has no prices (a node pool or virtual price sets them)'
          : clause.metric === 'rolloutP95' && rows.every((row) => row.rolloutP95Ms === null)
            ? "every setting's run had a rollout that served none of the requests offered over it"
            : `no setting has a ${clause.metric} figure`;
      notes.push(`note: "${clause.text}" can be met by no setting: ${why}`);
    }
  }
  return notes;
}

