/**
 * `changes` with the HPA and KEDA controllers keeping repeated decisions to themselves
 * (SimObserver.changesOnly) writes the same decisions.csv as with every record built and compared by
 * the log: the repeat checks skip only what the log would have skipped.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { MemoryTableSink } from '../../src/report/table-sink.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

/** decisions.csv of a `changes` run, and how many HPA and KEDA records were built. */
async function changesRun(name: string, durationSeconds: number, everyRecord: boolean): Promise<{ csv: string; records: number }> {
  const scenario = await loadScenario(join(ROOT, 'scenarios', name), { durationSeconds, decisions: 'changes' });
  let decisions: MemoryTableSink | undefined;
  let records = 0;
  // An observer that wants every record (it sets no changesOnly) makes the controllers build them all.
  const count = (): void => void records++;
  const counter = { hpaDecision: count, kedaDecision: count };
  const changesOnlyCounter = { changesOnly: true, hpaDecision: count, kedaDecision: count };
  runScenario(scenario, {
    tables: (table, header) => {
      const sink = new MemoryTableSink(header);
      if (table === 'decisions.csv') decisions = sink;
      return sink;
    },
    observers: [everyRecord ? counter : changesOnlyCounter],
  });
  return { csv: decisions!.text(), records };
}

describe('HPA and KEDA decisions under `changes`', () => {
  it.each<[string, number]>([
    ['nasa-diurnal', 3 * 86_400],
    ['self-healing', 6 * 3600],
    ['prometheus-and-cron', 86_400],
    ['kafka-lag', 12 * 3600],
    ['redis-streams-consumers', 86_400],
    ['mysql-statefulset', 12 * 3600],
    ['scale-to-zero', 86_400],
    ['nginx-keda-cpu', 6 * 3600],
    ['flask-hpa-ca', 6 * 3600],
    ['zone-spread-ca', 86_400],
    ['overprovisioning-ca', 2 * 86_400],
    ['bench-large', 1200],
  ])('%s: the same rows with repeated decisions skipped by the controller as with every record built', async (name, seconds) => {
    const skipped = await changesRun(name, seconds, false);
    const built = await changesRun(name, seconds, true);
    expect(skipped.csv).toBe(built.csv);
    // The check skipped most records, and the rows are not the header alone.
    expect(skipped.records).toBeLessThan(built.records / 2);
    expect(skipped.csv.split('\n').length).toBeGreaterThan(3);
    // bench-large's two runs take 40–50 s on a quiet host; a slow one beside another heavy test needs more.
  }, 240_000);
});
