/**
 * The terminal's Pareto frontier: every frontier setting up to FRONTIER_TERMINAL_ROWS rows; past
 * that, the cheapest and the fastest ten, with a line between them saying how many are left out
 * (pareto.csv keeps every one). The heading names the objectives, the worst workload's p95 among
 * them where it differs from the busiest workload's.
 */
import { describe, expect, it } from 'vitest';
import { FRONTIER_TERMINAL_ROWS, formatFrontier } from '../../src/sweep/format-sweep.js';
import { paretoFrontier } from '../../src/sweep/pareto.js';
import { gridAxis, sweepRows } from '../helpers/comparison-rows.js';

/** A target-CPU axis over `count` values where each step up is cheaper and slower: every setting is on the frontier. */
function tradeOff(count: number) {
  const values = Array.from({ length: count }, (_, i) => 30 + i);
  const axis = gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], values);
  const rows = sweepRows([axis], ([cpu]) => ({ costTotal: 200 - Number(cpu), p95Ms: 100 + Number(cpu) }));
  return { axes: [axis], rows, frontier: paretoFrontier(rows) };
}

/** The setting indexes of the table's rows, in order. */
function shownIndexes(text: string): number[] {
  return text.split('\n').slice(2).filter((l) => /^\d/.test(l)).map((l) => Number(l.split(/\s+/)[0]));
}

describe('the terminal frontier', () => {
  it(`shows every setting of a frontier of ${FRONTIER_TERMINAL_ROWS}`, () => {
    const { axes, rows, frontier } = tradeOff(FRONTIER_TERMINAL_ROWS);
    expect(frontier).toHaveLength(FRONTIER_TERMINAL_ROWS);
    const text = formatFrontier(axes, rows, frontier);
    expect(shownIndexes(text)).toEqual(frontier.map((r) => r.index));
    expect(text).not.toContain('more settings on the frontier');
  });

  it('past that, shows its two ends and counts the settings between', () => {
    const { axes, rows, frontier } = tradeOff(61);
    expect(frontier).toHaveLength(61);
    const text = formatFrontier(axes, rows, frontier);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Pareto frontier (lowest cost, lowest p95, highest served %): 61 of 61 settings');
    const order = frontier.map((r) => r.index);
    expect(shownIndexes(text)).toEqual([...order.slice(0, 10), ...order.slice(-10)]);
    // The line between the halves, after the header and the ten cheapest.
    expect(lines[12]).toBe('… 41 more settings on the frontier between these (pareto.csv lists every one)');
    expect(lines).toHaveLength(2 + 20 + 1);
  });

  it("names the worst workload's p95 among the objectives when some setting's differs from the busiest's", () => {
    const axis = gridAxis('hpa.targetCPU', 'HorizontalPodAutoscaler/web', ['spec', 'x'], [40, 60]);
    // At 60% the busiest workload is slower but no other workload queues.
    const rows = sweepRows([axis], ([cpu]) => (cpu === '40' ? { costTotal: 10, p95Ms: 100, worstP95Ms: 900, worstP95Workload: 'svc-7' } : { costTotal: 10, p95Ms: 120, worstP95Ms: 150, worstP95Workload: 'svc-2' }));
    const frontier = paretoFrontier(rows);
    expect(frontier.map((r) => r.values[0])).toEqual(['40', '60']);
    const lines = formatFrontier([axis], rows, frontier).split('\n');
    expect(lines[0]).toBe('Pareto frontier (lowest cost, lowest p95, lowest worst workload p95, highest served %): 2 of 2 settings');
    expect(lines[1]).toMatch(/worst workload p95 ms/);
  });
});
