/**
 * Golden summaries of the bundled scenarios (kwok-style): the run's summary.json must equal the
 * file under test/golden/. UPDATE_GOLDEN=1 rewrites them after a deliberate behaviour change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { ROOT } from '../helpers/run-cli.js';

const CASES: [string, { durationSeconds?: number }][] = [
  ['nginx-hpa-cpu', {}],
  // Two days of the NASA trace keep the suite fast; the full 27 days run in `npm run bench`.
  ['nasa-diurnal', { durationSeconds: 2 * 86400 }],
  ['nginx-keda-cpu', {}],
  ['scale-to-zero', {}],
  ['kafka-lag', {}],
  ['redis-streams-consumers', {}],
  ['mysql-statefulset', { durationSeconds: 3 * 86400 }],
  ['prometheus-and-cron', { durationSeconds: 2 * 86400 }],
  ['flask-hpa-ca', {}],
  ['active-users-eci', { durationSeconds: 2 * 86400 }],
  ['active-users-reserved-peak', { durationSeconds: 2 * 86400 }],
  ['active-users-ca', { durationSeconds: 2 * 86400 }],
  ['self-healing', {}],
  ['zone-spread-ca', {}],
  ['zone-outage-ca', {}],
  ['rollout-at-peak', {}],
  ['overprovisioning-ca', {}],
  ['namespace-quota', { durationSeconds: 86400 }],
];

describe.each(CASES)('scenario %s', (name, overrides) => {
  it('matches its golden summary', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', name), overrides);
    const summary = `${JSON.stringify(runScenario(scenario).summary, null, 2)}\n`;
    const golden = join(ROOT, 'test', 'golden', `${name}.summary.json`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, summary);
    expect(summary).toBe(readFileSync(golden, 'utf8'));
  });
});
