/**
 * The SLO grammar (units, operators, mistakes), which settings meet it, the cheapest answer or the
 * closest miss, and the Pareto frontier over cost, p95, the worst workload's p95 and served % (mean
 * replicas standing in for cost when the scenario has no prices).
 */
import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../src/compare/comparison-row.js';
import { UserInputError } from '../../src/errors/user-input-error.js';
import type { GridAxis } from '../../src/sweep/grid.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { clauseMiss, meetsSlo, parseSlo, unjudgedClauses } from '../../src/sweep/slo.js';
import type { SweepRow } from '../../src/sweep/sweep-row.js';
import { figures } from '../helpers/comparison-rows.js';

function row(index: number, over: Partial<ComparisonRow>): SweepRow {
  return { index, id: `id${index}`, values: [String(index)], row: figures({ variant: `id${index}`, ...over }) };
}

const axes: GridAxis[] = [{ name: 'hpa.targetCPU', flag: 'hpa.targetCPU=…', target: 'HorizontalPodAutoscaler/web', fieldPath: ['spec'], values: [] }];

describe('parseSlo', () => {
  it('reads clauses with their units into the row fields units', () => {
    const slo = parseSlo(' p95<300ms, served>99.9% ,p99<=1.5s,coldStarts<1,pendingPodSeconds<60s,dropped<0.1,cost<=12.5');
    expect(slo.clauses.map((c) => [c.field, c.op, c.bound])).toEqual([
      ['p95Ms', '<', 300],
      ['servedPercent', '>', 99.9],
      ['p99Ms', '<=', 1500],
      ['coldStarts', '<', 1],
      ['pendingPodSeconds', '<', 60],
      ['droppedPercent', '<', 0.1],
      ['costTotal', '<=', 12.5],
    ]);
    expect(slo.text).toBe('p95<300ms,served>99.9%,p99<=1.5s,coldStarts<1,pendingPodSeconds<60s,dropped<0.1,cost<=12.5');
  });

  it.each([
    ['', /empty SLO/],
    ['p95<300ms,,served>99%', /empty clause/],
    ['p95=300ms', /not <metric><op><value><unit>/],
    ['latency<300ms', /unknown metric "latency"/],
    ['p95<3parsecs', /p95 takes unit ms or s, got "parsecs"/],
    ['served>99.9ms', /served takes unit %/],
    ['coldStarts<1s', /coldStarts takes no unit/],
    ['served>101%', /"served>101%" can never be met: served is at most 100%/],
    ['served>100%', /can never be met: served is at most 100%/],
    ['dropped>=100.5', /can never be met: dropped is at most 100%/],
    ['p95<-5ms', /"p95<-5ms" can never be met: p95 is never below 0/],
    ['coldStarts<0', /can never be met: coldStarts is never below 0/],
  ])('refuses %j with exit-2 input error on --slo', (text, message) => {
    try {
      parseSlo(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).problems[0]!.field).toBe('--slo');
      expect((error as UserInputError).message).toMatch(message);
    }
  });

  it('notes a clause no row can be judged on (cost without prices), and none otherwise', () => {
    const slo = parseSlo('p95<300ms,cost<10');
    const unpriced = [row(0, { p95Ms: 100, costTotal: null }).row, row(1, { p95Ms: 200, costTotal: null }).row];
    expect(unjudgedClauses(slo, unpriced)).toEqual(['note: "cost<10" can be met by no setting: the scenario has no prices (a node pool or virtual price sets them)']);
    expect(unjudgedClauses(slo, [row(0, { p95Ms: 100, costTotal: 5 }).row])).toEqual([]);
  });

  it('takes the bounds at the edge of what a figure can be', () => {
    expect(parseSlo('served>=100%,dropped<=0,coldStarts<=0,p95<0.001ms').clauses).toHaveLength(4);
  });

  it('checks every clause, strict and inclusive bounds as written', () => {
    const slo = parseSlo('p95<100ms,served>=99.9%');
    expect(meetsSlo(row(0, { p95Ms: 99.9, servedPercent: 99.9 }).row, slo)).toBe(true);
    expect(meetsSlo(row(0, { p95Ms: 100, servedPercent: 100 }).row, slo)).toBe(false);
    expect(meetsSlo(row(0, { p95Ms: 50, servedPercent: 99.89 }).row, slo)).toBe(false);
    // An unpriced row never meets a cost clause.
    expect(meetsSlo(row(0, { costTotal: null }).row, parseSlo('cost<100'))).toBe(false);
  });

  it('measures a served miss on the unserved share the bound allows', () => {
    const [served] = parseSlo('served>99.9%').clauses;
    expect(clauseMiss(row(0, { servedPercent: 99.0 }).row, served!)).toBeCloseTo(9, 6);
    const [p95] = parseSlo('p95<200ms').clauses;
    expect(clauseMiss(row(0, { p95Ms: 300 }).row, p95!)).toBeCloseTo(0.5, 6);
    expect(clauseMiss(row(0, { p95Ms: 150 }).row, p95!)).toBe(0);
  });
});

describe('answerSlo', () => {
  const rows = [
    row(0, { costTotal: 30, p95Ms: 80 }),
    row(1, { costTotal: 20, p95Ms: 150 }),
    row(2, { costTotal: 20, p95Ms: 90, meanReplicas: 3 }),
    row(3, { costTotal: 20, p95Ms: 95, meanReplicas: 2.5 }),
  ];

  it('names the cheapest setting meeting the SLO, ties broken by mean replicas', () => {
    const answer = answerSlo(axes, rows, parseSlo('p95<100ms'));
    expect(answer.meeting).toBe(3);
    expect(answer.best?.index).toBe(3);
    expect(answer.best?.setting).toEqual({ 'hpa.targetCPU': '3' });
    expect(answer.best?.row).not.toHaveProperty('variant');
    expect(answer.closest).toBeNull();
    expect(answer.cheapestBy).toBe('cost_total');
  });

  it('names the closest setting and its misses when none meets it', () => {
    const answer = answerSlo(axes, rows, parseSlo('p95<85ms,cost<25'));
    expect(answer.best).toBeNull();
    expect(answer.meeting).toBe(0);
    // #0 misses cost by 20%, #2 misses p95 by 5.9%, #3 by 11.8%, #1 by 76%.
    expect(answer.closest?.index).toBe(2);
    expect(answer.closest?.misses).toEqual(['p95<85ms']);
  });
});

describe('paretoFrontier', () => {
  it('keeps the settings no other beats on cost, p95 and served % at once, cheapest first', () => {
    const rows = [
      row(0, { costTotal: 10, p95Ms: 300, servedPercent: 99 }),
      row(1, { costTotal: 20, p95Ms: 200, servedPercent: 99.5 }),
      row(2, { costTotal: 25, p95Ms: 250, servedPercent: 99.5 }), // dominated by 1
      row(3, { costTotal: 30, p95Ms: 100, servedPercent: 99.9 }),
      row(4, { costTotal: 30, p95Ms: 100, servedPercent: 99.9 }), // equal to 3: both stay
      row(5, { costTotal: 40, p95Ms: 100, servedPercent: 100 }),
      row(6, { costTotal: 15, p95Ms: 300, servedPercent: 99 }), // dominated by 0
    ];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([0, 1, 3, 4, 5]);
  });

  it('uses mean replicas as the cost of a scenario without prices', () => {
    const rows = [
      row(0, { costTotal: null, meanReplicas: 2, p95Ms: 100 }),
      row(1, { costTotal: null, meanReplicas: 3, p95Ms: 100 }), // more replicas, nothing better
      row(2, { costTotal: null, meanReplicas: 4, p95Ms: 50 }),
    ];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([0, 2]);
    expect(answerSlo(axes, rows, parseSlo('p95<200ms')).cheapestBy).toBe('mean_replicas');
  });

  it("keeps a fleet's setting whose worst workload is faster, though its busiest is slower", () => {
    const rows = [
      row(0, { costTotal: 10, p95Ms: 100, worstP95Ms: 900, worstP95Workload: 'svc-7', servedPercent: 100 }),
      // Slower busiest workload, but no workload queues: on the frontier beside 0.
      row(1, { costTotal: 10, p95Ms: 120, worstP95Ms: 150, worstP95Workload: 'svc-2', servedPercent: 100 }),
      // Beaten by 1 on the worst workload and by 0 on nothing else: dominated by 1.
      row(2, { costTotal: 10, p95Ms: 120, worstP95Ms: 200, worstP95Workload: 'svc-2', servedPercent: 100 }),
      // Equal to 0 but its worst workload is slower: dominated by 0.
      row(3, { costTotal: 10, p95Ms: 100, worstP95Ms: 950, worstP95Workload: 'svc-7', servedPercent: 100 }),
      // No workload served a request: worst p95 missing ranks last, dominated by 1 (as cheap, serving as much).
      row(4, { costTotal: 10, p95Ms: 120, worstP95Ms: null, worstP95Workload: null, servedPercent: 100 }),
    ];
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([0, 1]);
  });

  it('gives the frontier of cost, p95 and served % alone when every worst workload is the busiest', () => {
    // The same figures as the first case, the worst workload p95 equal to the p95 (as for one workload).
    const rows = [
      row(0, { costTotal: 10, p95Ms: 300, servedPercent: 99 }),
      row(1, { costTotal: 20, p95Ms: 200, servedPercent: 99.5 }),
      row(2, { costTotal: 25, p95Ms: 250, servedPercent: 99.5 }),
      row(3, { costTotal: 30, p95Ms: 100, servedPercent: 99.9 }),
    ];
    expect(rows.every((r) => r.row.worstP95Ms === r.row.p95Ms)).toBe(true);
    expect(paretoFrontier(rows).map((r) => r.index)).toEqual([0, 1, 3]);
  });
});
