/**
 * ScaleEventCounter counts the replica writes: the same scale events and direction changes as
 * counting from every decision record (an HPA row with rescale, a ScaledObject row whose scaleTo
 * differs from its spec replicas), on bundled runs with HPAs and KEDA, and with no decision record
 * built for it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScaleEventCounter } from '../../src/compare/scale-event-counter.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { SimObserver } from '../../src/observe/observer.js';
import type { HpaDecisionRecord, KedaDecisionRecord } from '../../src/observe/records.js';
import { NullTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

/** Counts scale events from every decision record, per target. */
class RecordCounter implements SimObserver {
  scaleEvents = 0;
  directionChanges = 0;
  records = 0;
  private readonly last = new Map<string, number>();

  hpaDecision(r: HpaDecisionRecord): void {
    this.records++;
    if (r.rescale) this.count(r.target, r.desiredReplicas - r.specReplicas);
  }

  kedaDecision(r: KedaDecisionRecord): void {
    this.records++;
    if (r.scaleTo !== undefined && r.scaleTo !== r.specReplicas && !r.target.startsWith('jobs/')) this.count(r.target, r.scaleTo - r.specReplicas);
  }

  private count(target: string, change: number): void {
    const direction = Math.sign(change);
    if (direction === 0) return;
    this.scaleEvents++;
    const last = this.last.get(target);
    if (last !== undefined && last !== direction) this.directionChanges++;
    this.last.set(target, direction);
  }
}

async function counted(name: string, durationSeconds: number, withRecords: boolean): Promise<{ writes: ScaleEventCounter; records?: RecordCounter }> {
  const scenario = await loadScenario(join(ROOT, 'scenarios', name), { durationSeconds, decisions: 'none' });
  const writes = new ScaleEventCounter();
  const records = withRecords ? new RecordCounter() : undefined;
  runScenario(scenario, { observers: records ? [writes, records] : [writes], tables: (_n, header) => new NullTableSink(header) });
  return records ? { writes, records } : { writes };
}

describe('ScaleEventCounter', () => {
  it.each([
    ['nasa-diurnal', 3 * 86_400],
    ['nginx-keda-cpu', 6 * 3_600],
    ['scale-to-zero', 6 * 3_600],
    ['mysql-statefulset', 6 * 3_600],
    ['prometheus-and-cron', 86_400],
    // ScaledJob polls create Jobs and write no replicas: none either way.
    ['kafka-lag', 86_400],
  ])('%s: the writes give the counts the decision records give', async (name, durationSeconds) => {
    const { writes, records } = await counted(name, durationSeconds, true);
    expect(records!.records).toBeGreaterThan(0);
    if (name !== 'kafka-lag') expect(writes.scaleEvents).toBeGreaterThan(0);
    expect({ scaleEvents: writes.scaleEvents, directionChanges: writes.directionChanges }).toEqual({
      scaleEvents: records!.scaleEvents,
      directionChanges: records!.directionChanges,
    });
  });

  it('counts the same when nothing else listens (no decision record is built)', async () => {
    const alone = await counted('nginx-keda-cpu', 6 * 3_600, false);
    const both = await counted('nginx-keda-cpu', 6 * 3_600, true);
    expect(alone.writes.scaleEvents).toBe(both.writes.scaleEvents);
    expect(alone.writes.directionChanges).toBe(both.writes.directionChanges);
  });
});
