import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColdStarts } from '../../src/engine/cold-starts.js';
import { LoadFlow } from '../../src/engine/load-flow.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { LoadModelSpec } from '../../src/scenario/types.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';
import { MemoryTables } from '../helpers/memory-tables.js';

function queueModel(maxMessages = Infinity): LoadModelSpec {
  return {
    workload: 'worker',
    trace: 'load',
    cpuMillicoreSecondsPerRequest: 0,
    baseCpuMillicores: 0,
    baseMemoryBytes: 0,
    memoryBytesPerRequestPerSecond: 0,
    maxBacklogRequests: maxMessages,
    serviceTimeSeconds: 1,
    queue: { name: 'q', messagesPerSecondPerPod: 3, maxMessages },
  };
}

describe('LoadFlow oldest-message age', () => {
  /**
   * A consumer scaled to zero: messages at `rps` pile up for `busySeconds`, one consumer (3 msg/s)
   * drains them, 200 s of idle with no consumer, then a 10 s burst at 3.2 msg/s. Returns the age at
   * the end of the burst; every message of the burst entered after the idle stretch.
   */
  function burstAfterIdle(rps: number, busySeconds: number): number {
    const flow = new LoadFlow(queueModel());
    let t = 0;
    flow.offeredRps = rps;
    for (let k = 0; k < busySeconds; k++) flow.advance(++t, 0, 3);
    while (flow.backlogRequests > 0) flow.advance(++t, 1, 3);
    flow.offeredRps = 0;
    for (let k = 0; k < 20; k++) flow.advance((t += 10), 0, 3);
    flow.offeredRps = 3.2;
    flow.advance((t += 10), 0, 3);
    expect(flow.backlogRequests).toBeCloseTo(32, 9);
    return flow.oldestMessageAgeSeconds(t);
  }

  it('is not inflated by rounding drift between what entered and what left (idle gap, then a burst)', () => {
    // These drain with served a few ulps below offered: the old lookup by the served total put the
    // oldest message before the idle stretch (age 210 s).
    expect(burstAfterIdle(1.1, 13)).toBeCloseTo(10, 9);
    expect(burstAfterIdle(0.3, 30)).toBeCloseTo(10, 9);
    for (const rps of [0.1, 0.3, 0.7, 1.1, 1.3, 2.9]) {
      for (const busySeconds of [7, 10, 13, 30]) expect(burstAfterIdle(rps, busySeconds)).toBeCloseTo(10, 9);
    }
  });

  it('knows messages stop entering when a bounded queue fills up', () => {
    const flow = new LoadFlow(queueModel(10));
    flow.offeredRps = 2;
    flow.advance(10, 0, 3); // 2 msg/s: full at t = 5 with messages 1..10, the rest dropped
    expect(flow.backlogRequests).toBe(10);
    expect(flow.oldestMessageAgeSeconds(10)).toBeCloseTo(10, 9);
    expect(flow.take(4, 10)).toBe(4);
    // The 5th message entered at t = 2 (a straight line over [0, 10] said t = 4).
    expect(flow.oldestMessageAgeSeconds(10)).toBeCloseTo(8, 9);
  });

  it('takes whole messages without leaving a negative backlog', () => {
    const flow = new LoadFlow(queueModel());
    flow.offeredRps = 3 - 5e-10;
    flow.advance(1, 0, 3);
    expect(flow.take(5, 1)).toBe(3);
    expect(flow.backlogRequests).toBe(0);
    expect(flow.oldestMessageAgeSeconds(1)).toBe(0);
    flow.offeredRps = 1;
    expect(() => flow.advance(2, 0, 3)).not.toThrow();
    expect(flow.oldestMessageAgeSeconds(2)).toBeCloseTo(1, 9);
  });
});

describe('scale-to-zero queue age (end to end)', () => {
  it('no sample is older than the time since the queue was last sampled empty', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', 'scale-to-zero'), { durationSeconds: 3600 });
    const tables = new MemoryTables();
    const result = runScenario(scenario, { tables: tables.factory });
    const ts = tables.get('timeseries.csv');
    const col = (name: string): number => ts.header.indexOf(`llm-worker.${name}`);
    const [backlog, age, wait, served] = [col('backlog_requests'), col('oldest_message_age_s'), col('wait_s'), col('served_rps')];
    expect(Math.min(backlog, age, wait, served)).toBeGreaterThan(0);
    let lastEmpty = 0;
    let aged = 0;
    const excess: string[] = [];
    for (const row of ts.rows) {
      const t = row[0] as number;
      if (row[backlog] === 0) {
        lastEmpty = t;
        continue;
      }
      // Rounded to 3 decimals in the table.
      if ((row[age] as number) > t - lastEmpty + 1e-3) excess.push(`t=${t} age=${row[age]} empty at ${lastEmpty}`);
      if (row[served] === 0 && (row[wait] as number) > t - lastEmpty + 1e-3) excess.push(`t=${t} wait=${row[wait]} empty at ${lastEmpty}`);
      if ((row[age] as number) > 0) aged++;
    }
    expect(excess).toEqual([]);
    expect(aged).toBeGreaterThan(10); // the check saw waiting messages
    const worker = result.summary.workloads.find((w) => w.name === 'llm-worker') as { peakOldestMessageAgeSeconds?: number } | undefined;
    // The longest real waits are the cold starts (about 70 s), not idle stretches (up to 216 s).
    expect(worker?.peakOldestMessageAgeSeconds).toBeLessThan(100);
  });
});

describe('ColdStarts', () => {
  it('counts each wait from the first work while idle to the first ready pod', () => {
    const c = new ColdStarts();
    c.workWaiting(100);
    c.workWaiting(105); // still the same cold start
    c.servingStarted(130);
    c.servingStarted(140); // nothing open
    c.workWaiting(500);
    c.servingStarted(510);
    expect(c.summary()).toEqual({ count: 2, meanDelaySeconds: 20, maxDelaySeconds: 30 });
  });
});
