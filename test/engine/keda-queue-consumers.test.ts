/**
 * Queue triggers that read the simulated consumers, through a whole run. kafka's excludePersistentLag: the simulated consumer group commits the
 * messages its pods take off the queue (spread over the partitions as the lag is), and the trigger
 * keeps the offsets of its previous read, as KEDA's cached scaler does (getLagForPartition
 * previousOffsets). While every consumer is down (a crash loop), no offset moves: the lag leaves the
 * HPA's metric but still keeps the ScaledObject active. rabbitmq's ExpectedQueueConsumptionTime reads the
 * consumers' rate as the queue's deliver rate.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import type { HpaDecisionRecord } from '../../src/observe/records.js';
import { KEDA_SCENARIO, loadKeda, scaledObject } from '../scenario/helpers/keda-scenario.js';

/**
 * The base KEDA scenario without its prometheus trigger's source, for two hours of 600 messages a
 * minute (10/s), with the consumers (Deployment web) in a crash loop from 1 h to 1 h 30 m.
 */
const CRASH_LOOP_RUN = {
  'scenario.yaml': KEDA_SCENARIO.replace(/ {2}triggers:[\s\S]*$/, '  duration: 2h\n  faults:\n    - crashLoop: {workload: web, from: 1h, to: 1h30m}\n'),
  'traces/web.csv': ['timestamp,value', ...Array.from({ length: 121 }, (_, m) => `${new Date(Date.UTC(2024, 0, 1, 0, m)).toISOString().replace('.000', '')},600`)].join('\n') + '\n',
};

const FROM_SECONDS = 3600;
const TO_SECONDS = 5400;

async function kafkaMetric(excludePersistentLag: boolean): Promise<{ timeSeconds: number; value: string }[]> {
  const metadata = `{bootstrapServers: "kafka:9092", consumerGroup: workers, topic: orders, lagThreshold: "50"${excludePersistentLag ? ', excludePersistentLag: "true"' : ''}}`;
  const scenario = await loadKeda({
    ...CRASH_LOOP_RUN,
    'manifests/keda.yaml': scaledObject('web-so', ['  minReplicaCount: 1', '  maxReplicaCount: 10'], ['    - type: kafka', '      name: lag', `      metadata: ${metadata}`]),
  });
  const records: HpaDecisionRecord[] = [];
  runScenario(scenario, { observers: [{ hpaDecision: (r) => records.push(r) }] });
  return records.map((r) => ({ timeSeconds: r.timeSeconds, value: r.metrics[0]?.currentValue ?? '' }));
}

describe('excludePersistentLag', () => {
  it('serves 0 while no consumer commits, and the whole lag before and after', async () => {
    const plain = await kafkaMetric(false);
    const excluding = await kafkaMetric(true);
    const stuck = (rows: { timeSeconds: number; value: string }[]) => rows.filter((r) => r.timeSeconds > FROM_SECONDS + 300 && r.timeSeconds < TO_SECONDS);
    expect(stuck(plain).length).toBeGreaterThan(50);
    // Without the option the lag grows while the consumers are down; with it the metric is 0.
    expect(stuck(plain).every((r) => Number(r.value) > 0)).toBe(true);
    expect(stuck(excluding).every((r) => r.value === '0')).toBe(true);
    // Once the consumers run (after their first minutes) they commit at every read until the crash
    // loop: the two runs see the same metric.
    const before = (rows: { timeSeconds: number; value: string }[]) => rows.filter((r) => r.timeSeconds > 600 && r.timeSeconds < FROM_SECONDS).map((r) => r.value);
    expect(before(plain).length).toBeGreaterThan(150);
    expect(before(excluding)).toEqual(before(plain));
    // When they come back, the lag counts again.
    const after = (rows: { timeSeconds: number; value: string }[]) => rows.filter((r) => r.timeSeconds > TO_SECONDS && r.timeSeconds < TO_SECONDS + 120);
    expect(after(excluding).some((r) => Number(r.value) > 0)).toBe(true);
  });
});

describe('rabbitmq ExpectedQueueConsumptionTime over a run', () => {
  it("reads the consumers' rate from the simulated queue as the deliver rate", async () => {
    const scenario = await loadKeda({
      ...CRASH_LOOP_RUN,
      'manifests/keda.yaml': scaledObject(
        'web-so',
        ['  minReplicaCount: 1', '  maxReplicaCount: 10'],
        [
          '    - type: rabbitmq',
          '      name: eta',
          '      metricType: Value',
          '      metadata: {host: "http://guest:guest@rabbit:15672/", queueName: orders, mode: ExpectedQueueConsumptionTime, value: "30", activationValue: "5"}',
        ],
      ),
    });
    const records: HpaDecisionRecord[] = [];
    runScenario(scenario, { observers: [{ hpaDecision: (r) => records.push(r) }] });
    const values = (from: number, to: number) => records.filter((r) => r.timeSeconds > from && r.timeSeconds < to).map((r) => Number(r.metrics[0]!.currentValue));
    // Consumers keeping up: publish ≈ deliver and a short queue, under a second.
    expect(values(1800, 3600).every((v) => v < 1)).toBe(true);
    // Nobody consuming (the crash loop) with messages waiting: activationValue, 5.
    const down = values(3900, 5400);
    expect(down.length).toBeGreaterThan(50);
    expect(down.every((v) => v === 5)).toBe(true);
    // The consumers back with the backlog: (publish − deliver) / deliver + messages / deliver, well above the target at first.
    expect(Math.max(...values(5400, 5700))).toBeGreaterThan(30);
  });
});
