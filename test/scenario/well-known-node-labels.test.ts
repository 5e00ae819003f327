/**
 * The labels every simulated node carries beside its pool's (kubelet initialNode: kubernetes.io/os
 * and arch with their legacy beta.kubernetes.io twins; the cloud provider's instance type for a pool
 * that names one), and what they change for a replayed manifest: `nodeSelector: {kubernetes.io/os:
 * linux}` schedules, a selector no pool can meet is warned about at its field.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { wellKnownNodeLabels } from '../../src/scenario/node-pools/well-known-node-labels.js';
import { MemoryTables } from '../helpers/memory-tables.js';
import { BASE_DEPLOYMENT, baseFiles } from './helpers/base-scenario.js';
import { loadFolder, type FolderFiles } from './helpers/scenario-folder.js';

describe('wellKnownNodeLabels', () => {
  it.each<[string, Record<string, string>, string | undefined, Record<string, string>]>([
    ['a pool without labels: linux/amd64, GA and legacy', {}, undefined, { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64' }],
    [
      'an arm64 pool: the legacy label follows the GA one',
      { 'kubernetes.io/arch': 'arm64', pool: 'graviton' },
      undefined,
      { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'arm64', 'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'arm64', pool: 'graviton' },
    ],
    [
      'a pool with an instance type: the cloud provider labels it',
      {},
      'm5.xlarge',
      {
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'm5.xlarge',
        'beta.kubernetes.io/instance-type': 'm5.xlarge',
      },
    ],
    ['a label the pool sets itself wins', { 'beta.kubernetes.io/os': 'custom' }, undefined, { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'custom', 'beta.kubernetes.io/arch': 'amd64' }],
  ])('%s', (_name, pool, instanceType, expected) => {
    expect(wellKnownNodeLabels(pool, instanceType)).toEqual(expected);
  });
});

/** The loader tests' base scenario (one Deployment `web`, two 4-cpu nodes) with a nodeSelector on web's pods. */
function withSelector(selector: string): FolderFiles {
  const files = baseFiles();
  files['manifests/web.yaml'] = BASE_DEPLOYMENT.replace('    spec:\n', `    spec:\n      nodeSelector: {${selector}}\n`);
  return files;
}

describe('a replayed manifest that selects nodes by the well-known labels', () => {
  it('schedules with nodeSelector kubernetes.io/os: linux and kubernetes.io/arch: amd64, with no warning', async () => {
    const scenario = await loadFolder(withSelector('kubernetes.io/os: linux, kubernetes.io/arch: amd64'));
    expect(scenario.warnings.filter((w) => w.field?.includes('nodeSelector'))).toEqual([]);
    const { summary } = runScenario(scenario, { tables: new MemoryTables().factory });
    expect(summary.workloads[0]!.servedPercent).toBe(100);
    expect(summary.workloads[0]!.pendingPodSeconds).toBe(0);
  });

  it('warns at the nodeSelector, naming the label, when no pool matches it (windows nodes here are none)', async () => {
    const scenario = await loadFolder(withSelector('kubernetes.io/os: windows'));
    const warning = scenario.warnings.find((w) => w.field === 'spec.template.spec.nodeSelector');
    expect(warning?.message).toMatch(/no node pool matches the nodeSelector of Deployment web/);
    expect(warning?.hint).toContain('kubernetes.io/os: windows');
  });
});
