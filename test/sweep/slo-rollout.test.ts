/**
 * The rollout clauses of --slo: rolloutP95 (the worst p95 over a rollout's stretch),
 * longestRollout (the longest rollout, one that did not complete counted to when the next superseded
 * it or the run ended)
 * and unfinishedRollouts. A setting whose run had no rollout (the figures absent) meets them, and
 * one whose rollouts were offered no request a rolloutP95 clause (absent too); one whose rollout
 * was offered requests and served none (null) meets no rolloutP95 clause, and misses it by Infinity.
 */
import { describe, expect, it } from 'vitest';
import { clauseMiss, meetsSlo, parseSlo, unjudgedClauses } from '../../src/sweep/slo.js';
import { figures } from '../helpers/comparison-rows.js';

describe('rollout SLO clauses', () => {
  const slo = parseSlo('rolloutP95<250ms,longestRollout<=120', '--slo');

  it('parses both with their units', () => {
    expect(slo.clauses.map((c) => [c.metric, c.field, c.op, c.bound])).toEqual([
      ['rolloutP95', 'rolloutP95Ms', '<', 250],
      ['longestRollout', 'longestRolloutSeconds', '<=', 120],
    ]);
    expect(parseSlo('rolloutP95<0.3s', '--slo').clauses[0]!.bound).toBe(300);
  });

  it('judges a run with rollouts on its figures', () => {
    expect(meetsSlo(figures({ rolloutP95Ms: 240, longestRolloutSeconds: 94 }), slo)).toBe(true);
    expect(meetsSlo(figures({ rolloutP95Ms: 260, longestRolloutSeconds: 94 }), slo)).toBe(false);
    expect(meetsSlo(figures({ rolloutP95Ms: 200, longestRolloutSeconds: 511 }), slo)).toBe(false);
    expect(clauseMiss(figures({ rolloutP95Ms: 300 }), slo.clauses[0]!)).toBeCloseTo(0.2, 12);
  });

  it('a run without a rollout meets them; rollouts that served nothing do not; unfinished ones are counted', () => {
    expect(meetsSlo(figures(), slo)).toBe(true);
    expect(meetsSlo(figures({ rolloutP95Ms: null, longestRolloutSeconds: 60 }), slo)).toBe(false);
    expect(clauseMiss(figures({ rolloutP95Ms: null, longestRolloutSeconds: 60 }), slo.clauses[0]!)).toBe(Number.POSITIVE_INFINITY);
    const none = parseSlo('unfinishedRollouts<1', '--slo');
    expect(meetsSlo(figures({ rolloutP95Ms: 200, longestRolloutSeconds: 60, unfinishedRollouts: 0 }), none)).toBe(true);
    expect(meetsSlo(figures({ rolloutP95Ms: 200, longestRolloutSeconds: 3000, unfinishedRollouts: 1 }), none)).toBe(false);
    expect(meetsSlo(figures(), none)).toBe(true);
  });

  it('a run whose rollouts were offered no request meets a rolloutP95 clause and is judged on the others', () => {
    expect(meetsSlo(figures({ longestRolloutSeconds: 60, unfinishedRollouts: 0 }), slo)).toBe(true);
    expect(meetsSlo(figures({ longestRolloutSeconds: 600, unfinishedRollouts: 0 }), slo)).toBe(false);
  });

  it('notes a rollout clause no setting can be judged on', () => {
    expect(unjudgedClauses(slo, [figures(), figures()])).toEqual([
      'note: "rolloutP95<250ms" is met by every setting: no setting\'s run had a rollout (spec.rollouts) offered a request',
      'note: "longestRollout<=120" is met by every setting: no setting\'s run had a rollout (spec.rollouts) offered a request',
    ]);
  });

  it('says so when every setting had a rollout that served none of its requests (a one-pod StatefulSet), not that the figure is missing', () => {
    const starved = (): ReturnType<typeof figures> => figures({ rolloutP95Ms: null, longestRolloutSeconds: 58, unfinishedRollouts: 0 });
    expect(unjudgedClauses(parseSlo('rolloutP95<1s', '--slo'), [starved(), starved()])).toEqual([
      'note: "rolloutP95<1s" can be met by no setting: every setting\'s run had a rollout that served none of the requests offered over it',
    ]);
  });
});
