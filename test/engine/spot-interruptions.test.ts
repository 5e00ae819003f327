/**
 * Spot interruptions are reported: summary.json's `spotInterruptions` counts, per pool, the spot
 * nodes the cloud deleted after the notice (NodeGroup.interruptions), and the terminal summary
 * prints them. Before, they were counted and shown nowhere.
 */
import { describe, expect, it } from 'vitest';
import { formatRunSummary } from '../../src/cli/print-summary.js';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { BASE_DEPLOYMENT } from '../scenario/helpers/base-scenario.js';
import { lines, withScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const scenario = (ratePerHour: number) =>
  lines(
    'apiVersion: scalesim.dev/v1alpha1',
    'kind: Scenario',
    'spec:',
    '  seed: 3',
    '  duration: 2h',
    '  traces: {web: {file: web.csv, valueKind: ratePerSecond}}',
    '  nodePools:',
    `    - {name: spotty, count: 2, cpu: "4", memory: 16Gi, bootTime: 60s, billing: {kind: spot, pricePerHour: 0.1, currency: USD, interruptionRatePerHour: ${ratePerHour}}}`,
    '  workloads:',
    '    web: {trace: web, cpuMillicoreSecondsPerRequest: 2}',
  );

async function run(ratePerHour: number) {
  const files = { 'scenario.yaml': scenario(ratePerHour), 'web.csv': lines('timestamp,value', '2024-01-01T00:00:00Z,50', '2024-01-01T02:00:00Z,50'), 'manifests/web.yaml': BASE_DEPLOYMENT };
  return withScenarioFolder(files, async (dir) => runScenario(await loadScenario(dir)));
}

describe('spot interruptions in the summary', () => {
  it('counts each pool\'s interrupted nodes, and the terminal summary names them', async () => {
    const result = await run(1);
    const interrupted = result.built.nodeGroups.find((g) => g.spec.name === 'spotty')!.interruptions;
    expect(interrupted).toBeGreaterThan(0);
    expect(result.summary.spotInterruptions).toEqual({ spotty: interrupted });
    expect(formatRunSummary(result.summary, [])).toContain(`spot interruptions: spotty ${interrupted}`);
  });

  it('is absent when no node was interrupted', async () => {
    expect((await run(0)).summary.spotInterruptions).toBeUndefined();
  });
});
