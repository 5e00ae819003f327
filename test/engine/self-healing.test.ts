/**
 * End to end on scenarios/self-healing: one of two web pods has its container killed at 5 minutes;
 * the kubelet restarts the killed container in place at once (a first exit is not backed off:
 * kuberuntime doBackOff finds no back-off entry) and it rejoins at its readiness probe, nothing is
 * dropped, RESTARTS counts 1, and the HPA (50% CPU, min 2, max 10) then scales out under the burst
 * at 15 minutes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { cellAt, MemoryTables } from '../helpers/memory-tables.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

describe('scenario self-healing', async () => {
  const scenario = await loadScenario(join(ROOT, 'scenarios', 'self-healing'));
  const tables = new MemoryTables();
  const result = runScenario(scenario, { tables: tables.factory });
  const s = tables.get('timeseries.csv');
  const at = (t: number, col: string) => cellAt(s, t, col);
  const web = result.summary.workloads[0]!;

  it('loads the containerCrash fault at 5 minutes on the oldest pod', () => {
    expect(scenario.faults).toEqual([{ kind: 'containerCrash', workload: 'web', timing: { kind: 'at', atSeconds: 300 }, count: 1, podIndex: 0 }]);
  });

  it('restarts the killed container at once (its first exit), and the pod rejoins', () => {
    expect(at(285, 'web.ready_replicas')).toBe(2);
    // Sampled at 300 s, the kill's instant: the container already runs again and serves.
    expect(at(300, 'web.ready_replicas')).toBe(2);
    expect(at(300, 'web.served_rps')).toBe(at(300, 'web.offered_rps'));
    expect(at(300, 'web.restarts')).toBe(1);
    expect(at(315, 'web.ready_replicas')).toBe(2);
    expect(at(315, 'web.restarts')).toBe(1);
    expect(at(315, 'web.pods')).toBe(2);
  });

  it('serves ~100% and counts RESTARTS = 1', () => {
    expect(web.servedPercent).toBeGreaterThan(99.9);
    expect(web.droppedRequests).toBe(0);
    expect(web.restarts).toBe(1);
    expect(web.replicas.minReady).toBe(2);
    expect(result.summary.faults).toEqual({ containerCrash: 1 });
  });

  it('keeps 2 replicas until the burst, then the HPA scales above 2', () => {
    const desiredBefore = s.rows.filter((r) => (r[0] as number) < 900).map((r) => r[s.header.indexOf('web.desired_replicas')]);
    expect(new Set(desiredBefore)).toEqual(new Set([2]));
    expect(web.replicas.peakDesired).toBeGreaterThan(2);
    expect(web.replicas.peakReady).toBeGreaterThan(2);
    expect(result.summary.hpas[0]!.scaleUps).toBeGreaterThan(0);
  });
});
