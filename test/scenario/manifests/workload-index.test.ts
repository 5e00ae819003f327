/**
 * The workload index answers as the linear searches it replaced: the first match of kind,
 * namespace and name, and every workload of a name in reading order; a list that grows is indexed
 * again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkloadEntry } from '../../../src/scenario/manifests/manifest-set.js';
import { workloadOf, workloadsNamed } from '../../../src/scenario/manifests/workload-index.js';

function entry(kind: string, namespace: string, name: string, tag: number): WorkloadEntry {
  return { spec: { kind, namespace, name }, tag } as unknown as WorkloadEntry;
}

describe('workload index', () => {
  it('finds the first of duplicates and lists every workload of a name in reading order', () => {
    const a = entry('Deployment', 'default', 'web', 1);
    const b = entry('StatefulSet', 'default', 'web', 2);
    const c = entry('Deployment', 'shop', 'web', 3);
    const d = entry('Deployment', 'default', 'web', 4);
    const manifests = { workloads: [a, b, c, d] };
    expect(workloadOf(manifests, 'Deployment', 'default', 'web')).toBe(a);
    expect(workloadOf(manifests, 'StatefulSet', 'default', 'web')).toBe(b);
    expect(workloadOf(manifests, 'Deployment', 'shop', 'web')).toBe(c);
    expect(workloadOf(manifests, 'Deployment', 'other', 'web')).toBeUndefined();
    expect(workloadsNamed(manifests, 'web')).toEqual([a, b, c, d]);
    expect(workloadsNamed(manifests, 'api')).toEqual([]);
  });

  it('indexes a list again once it grew', () => {
    const workloads = [entry('Deployment', 'default', 'web', 1)];
    const manifests = { workloads };
    expect(workloadOf(manifests, 'Deployment', 'default', 'api')).toBeUndefined();
    const api = entry('Deployment', 'default', 'api', 2);
    workloads.push(api);
    expect(workloadOf(manifests, 'Deployment', 'default', 'api')).toBe(api);
    expect(workloadsNamed(manifests, 'api')).toEqual([api]);
  });

  it('answers as the linear search for any list (fast-check)', () => {
    const part = fc.constantFrom('a', 'b', 'c');
    const item = fc.tuple(fc.constantFrom('Deployment', 'StatefulSet'), part, part);
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), item, (items, [kind, namespace, name]) => {
        const workloads = items.map(([k, ns, n], i) => entry(k, ns, n, i));
        const manifests = { workloads };
        expect(workloadOf(manifests, kind, namespace, name)).toBe(workloads.find((w) => w.spec.kind === kind && w.spec.namespace === namespace && w.spec.name === name));
        expect(workloadsNamed(manifests, name)).toEqual(workloads.filter((w) => w.spec.name === name));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
