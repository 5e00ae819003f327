/**
 * Seeds as replicates (src/sweep/replicates.ts, src/sweep/seeds-flag.ts and the SLO answer across
 * seeds): a setting's runs under each seed grouped into one setting, wherever the seed axis sits in
 * the grid, with the id a grid without the seed gives it; judged figures (mean cost, replicas and
 * nodes; the worst seed's other figures); an SLO met only when every seed's run meets it; the
 * frontier over the judged settings; the --seeds grammar.
 */
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors/user-input-error.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { acrossSeeds, judgedRow, settingsAcrossSeeds, type SettingAcrossSeeds } from '../../src/sweep/replicates.js';
import { parseSeeds, seedsGridFlag } from '../../src/sweep/seeds-flag.js';
import { answerSlo } from '../../src/sweep/slo-answer.js';
import { parseSlo } from '../../src/sweep/slo.js';
import { settingAt } from '../../src/sweep/settings.js';
import { figures, gridAxis, sweepRows } from '../helpers/comparison-rows.js';


const axis = gridAxis;
const CPU = axis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'metrics', '0', 'resource', 'target', 'averageUtilization'], [50, 70]);
const SEED = axis('scenario.spec.seed', 'scenario', ['spec', 'seed'], [1, 2, 3]);
const MAX = axis('hpa.maxReplicas', 'HorizontalPodAutoscaler/web', ['spec', 'maxReplicas'], [5, 10]);


describe('judgedRow', () => {
  it('takes the mean of cost, mean replicas and mean nodes, and the worst seed of every other figure', () => {
    const judged = judgedRow([
      figures({ costTotal: 10, meanReplicas: 2, meanNodes: 1, p95Ms: 100, servedPercent: 99.9, coldStarts: 1, peakReplicas: 4, costByClass: { onDemand: 10 } }),
      figures({ costTotal: 12, meanReplicas: 3, meanNodes: 2, p95Ms: 140, servedPercent: 99.5, coldStarts: 3, peakReplicas: 5, costByClass: { onDemand: 8, virtual: 4 } }),
      figures({ costTotal: 11, meanReplicas: 2.5, meanNodes: 1.5, p95Ms: 120, servedPercent: 100, coldStarts: 0, peakReplicas: 3, costByClass: { onDemand: 11 } }),
    ]);
    expect([judged.costTotal, judged.meanReplicas, judged.meanNodes]).toEqual([11, 2.5, 1.5]);
    expect([judged.p95Ms, judged.servedPercent, judged.coldStarts, judged.peakReplicas]).toEqual([140, 99.5, 3, 5]);
    // A class missing under a seed costs 0 there.
    expect(judged.costByClass).toEqual({ onDemand: 9.6667, virtual: 1.3333 });
    expect(judged.costCurrency).toBe('USD');
  });

  it('leaves the cost out when one seed has none', () => {
    expect(judgedRow([figures({ costTotal: 10 }), figures({ costTotal: null })]).costTotal).toBeNull();
  });
});

describe('settingsAcrossSeeds', () => {
  it('leaves the rows as they are when no axis varies the seed', () => {
    const rows = sweepRows([CPU, MAX], () => ({}));
    const settings = settingsAcrossSeeds([CPU, MAX], rows);
    expect(settings).toEqual(rows);
    expect(acrossSeeds(settings)).toBe(false);
  });

  it('groups each setting with its seeds, the seed axis wherever it is, numbered and named as a grid without it', () => {
    const axes = [CPU, SEED, MAX];
    const rows = sweepRows(axes, ([cpu, seed, max]) => ({ p95Ms: Number(cpu) + Number(seed), meanReplicas: Number(max) / Number(seed) }));
    // The journal and merged shards hand rows over in any order.
    const settings = settingsAcrossSeeds(axes, [...rows].reverse());
    expect(acrossSeeds(settings)).toBe(true);
    const judged = settings as SettingAcrossSeeds[];
    expect(judged.map((s) => [s.index, s.values.join(' '), s.seeds.join(' ')])).toEqual([
      [0, '50 5', '1 2 3'],
      [1, '50 10', '1 2 3'],
      [2, '70 5', '1 2 3'],
      [3, '70 10', '1 2 3'],
    ]);
    expect(judged.map((s) => s.id)).toEqual([0, 1, 2, 3].map((n) => settingAt([CPU, MAX], n).id));
    expect(judged[2]!.runs.map((r) => r.index)).toEqual([6, 8, 10]);
    expect(judged[2]!.row.p95Ms).toBe(73);
    expect(judged[3]!.row.meanReplicas).toBe(6.1111);
  });

  it('makes one setting of a grid that varies the seed alone', () => {
    const settings = settingsAcrossSeeds([SEED], sweepRows([SEED], ([seed]) => ({ p95Ms: 100 * Number(seed) }))) as SettingAcrossSeeds[];
    expect(settings).toHaveLength(1);
    expect(settings[0]!.values).toEqual([]);
    expect(settings[0]!.row.p95Ms).toBe(300);
  });
});

describe('the SLO and the frontier across seeds', () => {
  const axes = [CPU, SEED];
  // 50%: more replicas, p95 under 150 ms under every seed; 70%: cheaper, but seed 3 misses.
  const rows = sweepRows(axes, ([cpu, seed]) =>
    cpu === '50' ? { costTotal: 20, p95Ms: 120 + Number(seed) } : { costTotal: 12, p95Ms: seed === '3' ? 180 : 130 },
  );
  const settings = settingsAcrossSeeds(axes, rows);

  it('meets the SLO only with every seed meeting it, and says how many seeds do', () => {
    const answer = answerSlo(axes, settings, parseSlo('p95<150ms'));
    expect(answer.meeting).toBe(1);
    expect(answer.settings).toBe(2);
    expect(answer.best).toMatchObject({ index: 0, setting: { 'hpa.targetCPU': '50' }, seeds: ['1', '2', '3'], seedsMeeting: 3 });
    expect(answer.best!.row.p95Ms).toBe(123);
    // Judged on each run alone, the cheaper setting would win on two of its three seeds.
    expect(answerSlo(axes, rows, parseSlo('p95<150ms')).best!.setting).toEqual({ 'hpa.targetCPU': '70', 'scenario.spec.seed': '1' });
  });

  it('names the setting whose worst seed misses least when none meets it, with the clauses any seed misses', () => {
    const answer = answerSlo(axes, settings, parseSlo('p95<122ms,cost<15'));
    expect(answer.best).toBeNull();
    // 50%: its worst seed misses p95 by 1/122 and cost by 5/15; 70%: p95 by 58/122.
    expect(answer.closest).toMatchObject({ index: 0, seedsMeeting: 0, misses: ['p95<122ms', 'cost<15'] });
  });

  it('puts the judged settings on the frontier: the mean cost against the worst p95', () => {
    expect(paretoFrontier(settings).map((s) => [s.index, s.row.costTotal, s.row.p95Ms])).toEqual([
      [1, 12, 180],
      [0, 20, 123],
    ]);
  });
});

describe('--seeds', () => {
  it('reads a list or an inclusive range into the grid flag of scenario.spec.seed', () => {
    expect(parseSeeds('1,2, 3')).toEqual([1, 2, 3]);
    expect(parseSeeds('7')).toEqual([7]);
    expect(parseSeeds('3..6')).toEqual([3, 4, 5, 6]);
    expect(parseSeeds(' 0 .. 1 ')).toEqual([0, 1]);
    expect(parseSeeds('1..3,7')).toEqual([1, 2, 3, 7]);
    expect(parseSeeds('0..25..10, 100')).toEqual([0, 10, 20, 100]);
    expect(seedsGridFlag([3, 4])).toBe('scenario.spec.seed=3,4');
  });

  it.each([
    ['1,,2', /empty item/],
    ['1,2,1', /seed 1 is given twice/],
    ['5..2', /runs backwards/],
    ['0..1000', /holds 1001 seeds; a sweep replicates a setting under at most 1000/],
    ['-1', /"-1" is not a seed: expected a whole number/],
    ['1.5', /"1.5" is not a seed/],
    ['a..b', /"a" is not a seed/],
    ['1..3,2', /seed 2 is given twice/],
    ['1..9..0', /step of 0/],
    ['1..2..3..4', /is not a range/],
    ['0..999,1000..1001', /1002 seeds given; a sweep replicates a setting under at most 1000/],
  ])('refuses %s, naming --seeds', (text, message) => {
    try {
      parseSeeds(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      const problem = (error as UserInputError).problems[0]!;
      expect(problem.field).toBe('--seeds');
      expect(problem.message).toMatch(message);
    }
  });
});
