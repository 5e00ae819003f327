/**
 * PodTopologySpread Filter for explicit DoNotSchedule constraints (podtopologyspread/filtering.go
 * calPreFilterState, Filter). The table adapts upstream's filtering_test.go TestSingleConstraint and
 * TestMultipleConstraints cases, named as there: nodes with labels (and taints), existing pods with
 * labels, the incoming pod's constraints; the expected status per node. Upstream's unit tests run
 * the plugin alone, so a node the pod's nodeSelector excludes can still "fit" here, as there.
 */
import { describe, expect, it } from 'vitest';
import { matchesLabelSelector } from '../../src/cluster/label-selector.js';
import { preFilterSpread, spreadFilter, type SpreadFilterConstraint } from '../../src/cluster/topology-spread-filter.js';
import type { LabelSelectorSpec, Taint, Toleration } from '../../src/scenario/types.js';

interface TNode {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
}
interface TPod {
  node: string;
  labels: Record<string, string>;
  namespace?: string;
  terminating?: boolean;
}
interface TConstraint {
  maxSkew: number;
  key: string;
  selector: LabelSelectorSpec;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
}
type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

const exists = (key: string): LabelSelectorSpec => ({ matchLabels: {}, matchExpressions: [{ key, operator: 'Exists', values: [] }] });
const foo = exists('foo');
const bar = exists('bar');
const node = (name: string, labels: Record<string, string>, taints: Taint[] = []): TNode => ({ name, labels, taints });
const pod = (n: string, ...keys: string[]): TPod => ({ node: n, labels: Object.fromEntries(keys.map((k) => [k, ''])) });
const zoned = (name: string, zone: string): TNode => node(name, { zone, node: name });
const FOUR_NODES = [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')];
/** Pods spread across nodes as 2/1/0/3. */
const PODS_2_1_0_3 = [pod('node-a', 'foo'), pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo')];

function run(
  incoming: { labels: Record<string, string>; nodeSelector?: Record<string, string>; tolerations?: Toleration[] },
  constraints: TConstraint[],
  nodes: TNode[],
  pods: TPod[],
): Record<string, Code> {
  const resolved: SpreadFilterConstraint[] = constraints.map((c) => ({
    topologyKey: c.key,
    maxSkew: c.maxSkew,
    minDomains: c.minDomains ?? 1,
    nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
    nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    selfMatch: matchesLabelSelector(c.selector, incoming.labels),
  }));
  const view = { nodeSelector: incoming.nodeSelector ?? {}, tolerations: incoming.tolerations ?? [] };
  // countPodsMatchSelector: the pod's namespace ("default" here), terminating pods skipped.
  const matching = (n: TNode, i: number): number =>
    pods.filter((p) => p.node === n.name && (p.namespace ?? 'default') === 'default' && p.terminating !== true && matchesLabelSelector(constraints[i]!.selector, p.labels)).length;
  const state = preFilterSpread(resolved, view, nodes, matching);
  const out: Record<string, Code> = {};
  for (const n of nodes) {
    const v = spreadFilter(resolved, state, n.labels);
    out[n.name] = v.fits ? 'Success' : v.reason === 'NodeLabelMissing' ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
  }
  return out;
}

const S = 'Success';
const U = 'Unschedulable';
const UU = 'UnschedulableAndUnresolvable';

describe('PodTopologySpread Filter (filtering_test.go TestSingleConstraint)', () => {
  const fooPod = { labels: { foo: '' } };
  it.each<[string, Parameters<typeof run>[0], TConstraint[], TNode[], TPod[], Code[]]>([
    ['no existing pods', fooPod, [{ maxSkew: 1, key: 'zone', selector: foo }], FOUR_NODES, [], [S, S, S, S]],
    [
      'no existing pods, incoming pod doesn\'t match itself',
      { labels: { foo: '' } },
      [{ maxSkew: 1, key: 'zone', selector: bar }],
      FOUR_NODES,
      [],
      [S, S, S, S],
    ],
    [
      'existing pods in a different namespace do not count',
      fooPod,
      [{ maxSkew: 1, key: 'zone', selector: foo }],
      FOUR_NODES,
      [{ ...pod('node-a', 'foo'), namespace: 'ns1' }, { ...pod('node-b', 'foo'), namespace: 'ns1' }, pod('node-x', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo')],
      [S, S, U, U],
    ],
    ['pods spread across zones as 3/3, all nodes fit', fooPod, [{ maxSkew: 1, key: 'zone', selector: foo }], FOUR_NODES, PODS_2_1_0_3, [S, S, S, S]],
    [
      "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
      fooPod,
      [{ maxSkew: 1, key: 'zone', selector: foo }],
      [zoned('node-a', 'zone1'), node('node-b', { zon: 'zone1', node: 'node-b' }), zoned('node-x', 'zone2'), zoned('node-y', 'zone2')],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-x', 'foo'), pod('node-y', 'foo')],
      [S, UU, U, U],
    ],
    ["pod cannot be scheduled as all nodes don't have label 'rack'", fooPod, [{ maxSkew: 1, key: 'rack', selector: foo }], [zoned('node-a', 'zone1'), zoned('node-x', 'zone2')], [], [UU, UU]],
    ['pods spread across nodes as 2/1/0/3, only node-x fits', fooPod, [{ maxSkew: 1, key: 'node', selector: foo }], FOUR_NODES, PODS_2_1_0_3, [U, U, S, U]],
    ['pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit', fooPod, [{ maxSkew: 2, key: 'node', selector: foo }], FOUR_NODES, PODS_2_1_0_3, [U, S, S, U]],
    ["pods spread across nodes as 2/1/0/3, but pod doesn't match itself", { labels: { bar: '' } }, [{ maxSkew: 1, key: 'node', selector: foo }], FOUR_NODES, PODS_2_1_0_3, [U, S, S, U]],
    [
      'terminating Pods should be excluded',
      fooPod,
      [{ maxSkew: 1, key: 'node', selector: foo }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' })],
      [{ ...pod('node-a', 'foo'), terminating: true }, pod('node-b', 'foo')],
      [S, U],
    ],
    [
      'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
      fooPod,
      [{ maxSkew: 2, key: 'node', selector: foo, minDomains: 4 }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' })],
      [pod('node-a', 'foo'), pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-b', 'foo'), pod('node-c', 'foo')],
      [U, U, S],
    ],
    [
      'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit',
      fooPod,
      [{ maxSkew: 2, key: 'node', selector: foo, minDomains: 2 }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-c', { node: 'node-c' })],
      [pod('node-a', 'foo'), pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-b', 'foo'), pod('node-c', 'foo')],
      [S, S, S],
    ],
    [
      'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
      fooPod,
      [{ maxSkew: 2, key: 'zone', selector: foo, minDomains: 3 }],
      FOUR_NODES,
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo')],
      [U, U, S, S],
    ],
    [
      'pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit',
      fooPod,
      [{ maxSkew: 2, key: 'zone', selector: foo, minDomains: 1 }],
      FOUR_NODES,
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo')],
      [S, S, S, S],
    ],
    [
      // pods spread across node as 1/1/0/~0~: node-y fails the pod's nodeSelector and is not counted.
      'NodeAffinityPolicy honored with labelSelectors',
      { labels: { foo: '' }, nodeSelector: { foo: '' } },
      [{ maxSkew: 1, key: 'node', selector: foo }],
      [node('node-a', { node: 'node-a', foo: '' }), node('node-b', { node: 'node-b', foo: '' }), node('node-x', { node: 'node-x', foo: '' }), node('node-y', { node: 'node-y' })],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo')],
      [U, U, S, S],
    ],
    [
      // pods spread across node as 1/1/0/~1~: counted, but node-y's domain is still seen.
      'NodeAffinityPolicy ignored with labelSelectors',
      { labels: { foo: '' }, nodeSelector: { foo: '' } },
      [{ maxSkew: 1, key: 'node', selector: foo, nodeAffinityPolicy: 'Ignore' }],
      [node('node-a', { node: 'node-a', foo: '' }), node('node-b', { node: 'node-b', foo: '' }), node('node-x', { node: 'node-x', foo: '' }), node('node-y', { node: 'node-y' })],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo')],
      [U, U, S, U],
    ],
    [
      // pods spread across node as 1/1/0/~0~: node-x's untolerated taint keeps it out of the counts,
      // so the minimum is node-y's 0... and node-x (whose domain PreFilter did not see) counts as 0.
      'NodeTaintsPolicy honored',
      fooPod,
      [{ maxSkew: 1, key: 'node', selector: foo, nodeTaintsPolicy: 'Honor' }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-x', { node: 'node-x' }, [{ key: 'foo', effect: 'NoSchedule' }]), node('node-y', { node: 'node-y' })],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-x', 'foo'), pod('node-x', 'foo')],
      [U, U, S, S],
    ],
    [
      // The same with the taint ignored (the default): node-x's two pods count, min stays 0 (node-y).
      'NodeTaintsPolicy ignored',
      fooPod,
      [{ maxSkew: 1, key: 'node', selector: foo }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-x', { node: 'node-x' }, [{ key: 'foo', effect: 'NoSchedule' }]), node('node-y', { node: 'node-y' })],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-x', 'foo'), pod('node-x', 'foo')],
      [U, U, U, S],
    ],
    [
      'NodeTaintsPolicy honored, the taint tolerated: node-x counts',
      { labels: { foo: '' }, tolerations: [{ key: 'foo', operator: 'Exists' }] },
      [{ maxSkew: 1, key: 'node', selector: foo, nodeTaintsPolicy: 'Honor' }],
      [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' }), node('node-x', { node: 'node-x' }, [{ key: 'foo', effect: 'NoSchedule' }]), node('node-y', { node: 'node-y' })],
      [pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-x', 'foo'), pod('node-x', 'foo')],
      [U, U, U, S],
    ],
  ])('%s', (_name, incoming, constraints, nodes, pods, expected) => {
    expect(Object.values(run(incoming, constraints, nodes, pods))).toEqual(expected);
  });
});

describe('PodTopologySpread Filter (filtering_test.go TestMultipleConstraints)', () => {
  const fooBar = { labels: { foo: '', bar: '' } };
  it.each<[string, Parameters<typeof run>[0], TConstraint[], TPod[], Code[]]>([
    [
      // 1. the "zone" constraint lets every node take it (3/3); 2. the "node" constraint only node-x
      'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]',
      { labels: { foo: '' } },
      [
        { maxSkew: 1, key: 'zone', selector: foo },
        { maxSkew: 1, key: 'node', selector: foo },
      ],
      PODS_2_1_0_3,
      [U, U, S, U],
    ],
    [
      // 1. "zone": zone1 only (node-a, node-b); 2. "node": node-x only; the intersection is empty.
      'two Constraints on zone and node, spreads = [3/4, 2/1/0/4]',
      { labels: { foo: '' } },
      [
        { maxSkew: 1, key: 'zone', selector: foo },
        { maxSkew: 1, key: 'node', selector: foo },
      ],
      [pod('node-a', 'foo'), pod('node-a', 'foo'), pod('node-b', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo'), pod('node-y', 'foo')],
      [U, U, U, U],
    ],
    [
      // "zone" (foo): 1/1, every node; "node" (bar): 0/1/1/2, only node-a.
      'Constraints hold different labelSelectors, spreads = [1/1, 0/1/1/2]',
      fooBar,
      [
        { maxSkew: 1, key: 'zone', selector: foo },
        { maxSkew: 1, key: 'node', selector: bar },
      ],
      [pod('node-b', 'bar'), pod('node-x', 'foo', 'bar'), pod('node-y', 'bar'), pod('node-a', 'foo'), pod('node-y', 'bar')],
      [S, U, U, U],
    ],
  ])('%s', (_name, incoming, constraints, pods, expected) => {
    expect(Object.values(run(incoming, constraints, FOUR_NODES, pods))).toEqual(expected);
  });
});
