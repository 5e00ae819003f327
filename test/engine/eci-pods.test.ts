/**
 * Pods on an ECI virtual node, end to end (docs/fidelity-spec.md §5.2): which pods the virtual node
 * takes, the size each is billed for, what that size lets it serve, and when its charge starts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { MemoryTables, cellAt } from '../helpers/memory-tables.js';
import { lines, removeFolder, writeScenarioFolder } from '../scenario/helpers/scenario-folder.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map(removeFolder)));

describe('a pod larger than every ECI size', () => {
  it('stays Pending (unschedulable), unbilled and with no usage, as validate warns', async () => {
    const tables = new MemoryTables();
    const dir = await writeScenarioFolder({
      'scenario.yaml': lines(
        'apiVersion: scalesim.dev/v1alpha1',
        'kind: Scenario',
        'spec:',
        '  duration: 10m',
        '  outputInterval: 60s',
        '  nodePools:',
        '    - name: eci',
        '      labels: {type: virtual-kubelet}',
        '      virtual: {provider: eci}',
      ),
      'manifests/huge.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: huge}',
        'spec:',
        '  replicas: 1',
        '  selector: {matchLabels: {app: huge}}',
        '  template:',
        '    metadata: {labels: {app: huge}}',
        '    spec:',
        '      nodeSelector: {type: virtual-kubelet}',
        '      containers: [{name: huge, image: huge:1, resources: {requests: {cpu: "100", memory: 200Gi}}}]',
      ),
    });
    folders.push(dir);
    const loaded = await loadScenario(dir);
    expect(loaded.warnings.some((w) => w.message.includes('will stay Pending'))).toBe(true);
    const result = runScenario(loaded, { tables: tables.factory });
    expect(cellAt(tables.get('timeseries.csv'), 600, 'huge.unschedulable_pods')).toBe(1);
    expect(cellAt(tables.get('timeseries.csv'), 600, 'eci.virtual_pods')).toBe(0);
    expect(result.summary.workloads[0]!.pendingPodSeconds).toBe(600);
    expect(result.cost.virtualPods).toEqual([]);
    expect(result.cost.unpriced).toEqual([]);
  });
});
