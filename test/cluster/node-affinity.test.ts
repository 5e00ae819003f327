/**
 * NodeAffinity's filter and score, table tests adapted from kube-scheduler's
 * pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go (TestNodeAffinity,
 * TestNodeAffinityPriority) and component-helpers scheduling/corev1/nodeaffinity/nodeaffinity_test.go
 * (TestNodeSelectorMatch, TestPreferredSchedulingTermsScore), with labels.Requirement's Gt/Lt rules.
 */
import { describe, expect, it } from 'vitest';
import { matchesLabelRequirement, matchesRequiredNodeAffinity, parseInt64 } from '../../src/cluster/node-affinity.js';
import { nodeAffinityScores, normalizeNodeAffinityScores, preferredNodeAffinityScore } from '../../src/cluster/node-affinity-score.js';
import type { NodeSelectorOperator, NodeSelectorRequirement, NodeSelectorTerm, PreferredSchedulingTerm } from '../../src/scenario/node-affinity-types.js';

const req = (key: string, operator: NodeSelectorOperator, ...values: string[]): NodeSelectorRequirement => ({ key, operator, values });
const term = (...matchExpressions: NodeSelectorRequirement[]): NodeSelectorTerm => ({ matchExpressions, matchFields: [] });
const fieldTerm = (...matchFields: NodeSelectorRequirement[]): NodeSelectorTerm => ({ matchExpressions: [], matchFields });

interface FilterCase {
  name: string;
  nodeSelector?: Record<string, string>;
  required?: NodeSelectorTerm[];
  labels?: Record<string, string>;
  nodeName?: string;
  fits: boolean;
}

const FILTER_CASES: FilterCase[] = [
  { name: 'missing labels', nodeSelector: { foo: 'bar' }, fits: false },
  { name: 'same labels', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar' }, fits: true },
  { name: 'node labels are superset', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar', baz: 'blah' }, fits: true },
  { name: 'node labels are subset', nodeSelector: { foo: 'bar', baz: 'blah' }, labels: { foo: 'bar' }, fits: false },
  { name: 'In that matches the node', required: [term(req('foo', 'In', 'bar', 'value2'))], labels: { foo: 'bar' }, fits: true },
  { name: 'Gt that matches the node (0206 > 0204, parsed as integers)', required: [term(req('kernel-version', 'Gt', '0204'))], labels: { 'kernel-version': '0206' }, fits: true },
  { name: 'NotIn that matches the node', required: [term(req('mem-type', 'NotIn', 'DDR', 'DDR2'))], labels: { 'mem-type': 'DDR3' }, fits: true },
  { name: 'Exists that matches the node', required: [term(req('GPU', 'Exists'))], labels: { GPU: 'NVIDIA-GRID-K1' }, fits: true },
  { name: "affinity that doesn't match the node's labels", required: [term(req('foo', 'In', 'value1', 'value2'))], labels: { foo: 'bar' }, fits: false },
  { name: 'an empty matchExpressions term matches no node', required: [term()], labels: { foo: 'bar' }, fits: false },
  { name: 'no affinity schedules onto a node', labels: { foo: 'bar' }, fits: true },
  { name: 'multiple matchExpressions ANDed that match', required: [term(req('GPU', 'Exists'), req('GPU', 'NotIn', 'AMD', 'INTER'))], labels: { GPU: 'NVIDIA-GRID-K1' }, fits: true },
  { name: "multiple matchExpressions ANDed that don't match", required: [term(req('GPU', 'Exists'), req('GPU', 'In', 'AMD', 'INTER'))], labels: { GPU: 'NVIDIA-GRID-K1' }, fits: false },
  { name: 'multiple terms ORed, one matches', required: [term(req('foo', 'In', 'bar', 'value2')), term(req('diffkey', 'In', 'wrong', 'value2'))], labels: { foo: 'bar' }, fits: true },
  { name: 'affinity and nodeSelector both satisfied', nodeSelector: { foo: 'bar' }, required: [term(req('foo', 'Exists'))], labels: { foo: 'bar' }, fits: true },
  { name: 'affinity matches but nodeSelector does not', nodeSelector: { foo: 'bar' }, required: [term(req('foo', 'Exists'))], labels: { foo: 'barrrrrr' }, fits: false },
  { name: 'matchFields In that matches the node name', required: [fieldTerm(req('metadata.name', 'In', 'node1'))], nodeName: 'node1', fits: true },
  { name: 'matchFields In that does not match the node name', required: [fieldTerm(req('metadata.name', 'In', 'node1'))], nodeName: 'node2', fits: false },
  {
    name: 'two terms: matchFields does not match, but matchExpressions matches',
    required: [fieldTerm(req('metadata.name', 'In', 'node1'), req('metadata.name', 'In', 'node2')), term(req('foo', 'In', 'bar'))],
    nodeName: 'node2',
    labels: { foo: 'bar' },
    fits: true,
  },
  {
    name: 'one term: matchFields does not match, but matchExpressions matches (ANDed)',
    required: [{ matchFields: [req('metadata.name', 'In', 'node1')], matchExpressions: [req('foo', 'In', 'bar')] }],
    nodeName: 'node2',
    labels: { foo: 'bar' },
    fits: false,
  },
  {
    name: 'one term: both matchFields and matchExpressions match',
    required: [{ matchFields: [req('metadata.name', 'In', 'node1')], matchExpressions: [req('foo', 'In', 'bar')] }],
    nodeName: 'node1',
    labels: { foo: 'bar' },
    fits: true,
  },
  { name: 'matchFields NotIn the node name', required: [fieldTerm(req('metadata.name', 'NotIn', 'node1'))], nodeName: 'node1', fits: false },
  { name: 'matchFields NotIn another name', required: [fieldTerm(req('metadata.name', 'NotIn', 'node1'))], nodeName: 'node2', fits: true },
  { name: 'an empty term beside a matching one is skipped', required: [term(), term(req('foo', 'Exists'))], labels: { foo: 'x' }, fits: true },
  { name: 'no term at all matches no node', required: [], labels: { foo: 'x' }, fits: false },
  { name: 'DoesNotExist with the label absent', required: [term(req('dedicated', 'DoesNotExist'))], labels: { foo: 'x' }, fits: true },
  { name: 'DoesNotExist with the label present', required: [term(req('dedicated', 'DoesNotExist'))], labels: { dedicated: '' }, fits: false },
  { name: 'NotIn with the label absent', required: [term(req('type', 'NotIn', 'virtual-kubelet'))], labels: { foo: 'x' }, fits: true },
  { name: 'In with the label absent', required: [term(req('type', 'In', 'virtual-kubelet'))], labels: {}, fits: false },
  // component-helpers nodeaffinity_test.go TestNodeSelectorMatch and TestPodMatchesNodeSelectorAndAffinityTerms
  {
    name: 'node matches field selector, but not labels',
    required: [{ matchExpressions: [req('label_1', 'In', 'label_1_val')], matchFields: [req('metadata.name', 'In', 'host-1')] }],
    nodeName: 'host-1',
    fits: false,
  },
  {
    name: 'node matches field selector and label selector',
    required: [{ matchExpressions: [req('label_1', 'In', 'label_1_val')], matchFields: [req('metadata.name', 'In', 'host-1')] }],
    nodeName: 'host-1',
    labels: { label_1: 'label_1_val' },
    fits: true,
  },
  { name: 'second term matches', required: [term(req('label_1', 'In', 'label_1_val')), fieldTerm(req('metadata.name', 'In', 'host-1'))], nodeName: 'host-1', fits: true },
  { name: 'no selector at all', fits: true },
];

describe('NodeAffinity Filter: RequiredNodeAffinity.Match (node_affinity_test.go TestNodeAffinity)', () => {
  it.each(FILTER_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const pod = { nodeSelector: c.nodeSelector ?? {}, requiredNodeAffinity: c.required };
    expect(matchesRequiredNodeAffinity(pod, { name: c.nodeName ?? 'node', labels: c.labels ?? {} })).toBe(c.fits);
  });
});

describe('labels.Requirement Gt and Lt', () => {
  it.each([
    ['Gt', '4', '8', true],
    ['Gt', '8', '8', false],
    ['Lt', '8', '4', true],
    ['Lt', '-1', '0', false],
    ['Gt', '-1', '0', true],
    ['Gt', '1', 'eight', false], // a label that is no integer never matches
    ['Lt', '1', '', false],
    ['Gt', '1', '+2', true],
    ['Gt', '9223372036854775806', '9223372036854775807', true], // int64, beyond doubles' exact range
    ['Lt', '1', '9223372036854775808', false], // overflows int64: ParseInt fails
  ] as const)('%s %s on label %s: %s', (operator, bound, label, matches) => {
    expect(matchesLabelRequirement(req('cpus', operator, bound), { cpus: label })).toBe(matches);
  });

  it('fails on a node without the label', () => {
    expect(matchesLabelRequirement(req('cpus', 'Gt', '1'), {})).toBe(false);
    expect(matchesLabelRequirement(req('cpus', 'Lt', '1'), {})).toBe(false);
  });

  it('parses as strconv.ParseInt(s, 10, 64)', () => {
    expect(parseInt64('0204')).toBe(204n);
    expect(parseInt64('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(parseInt64('1.5')).toBeUndefined();
    expect(parseInt64('0x10')).toBeUndefined();
    expect(parseInt64(' 1')).toBeUndefined();
  });
});

describe('NodeAffinity Score and NormalizeScore (TestNodeAffinityPriority)', () => {
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label4 = { abc: 'az11', def: 'az22' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const affinity1: PreferredSchedulingTerm[] = [{ weight: 2, preference: term(req('foo', 'In', 'bar')) }];
  const affinity2: PreferredSchedulingTerm[] = [
    { weight: 2, preference: term(req('foo', 'In', 'bar')) },
    { weight: 4, preference: term(req('key', 'In', 'value')) },
    { weight: 5, preference: term(req('foo', 'In', 'bar'), req('key', 'In', 'value'), req('az', 'In', 'az1')) },
  ];
  const nodes = (...labels: Record<string, string>[]) => labels.map((l, i) => ({ name: `machine${i + 1}`, labels: l }));

  it('all nodes are the same priority when the pod has no preferred terms (PreScore Skip)', () => {
    expect(nodeAffinityScores(undefined, nodes(label1, label2, label3))).toBeUndefined();
    expect(nodeAffinityScores([], nodes(label1, label2, label3))).toBeUndefined();
  });

  it("no node matches the pod's preferred terms: all zero", () => {
    expect(nodeAffinityScores(affinity1, nodes(label4, label2, label3))).toEqual([0, 0, 0]);
  });

  it('only machine1 matches', () => {
    expect(nodeAffinityScores(affinity1, nodes(label1, label2, label3))).toEqual([100, 0, 0]);
  });

  it('all machines match with different priorities: 2, 11 and 4 of 11', () => {
    const ns = nodes(label1, label5, label2);
    expect(ns.map((n) => preferredNodeAffinityScore(affinity2, n))).toEqual([2, 11, 4]);
    expect(nodeAffinityScores(affinity2, ns)).toEqual([18, 100, 36]);
  });

  it('first and third term match: 5 + 11 (nodeaffinity_test.go TestPreferredSchedulingTermsScore)', () => {
    const terms: PreferredSchedulingTerm[] = [
      { weight: 5, preference: fieldTerm(req('metadata.name', 'In', 'host-1')) },
      { weight: 7, preference: term(req('unknown_label', 'In', 'unknown_label_val')) },
      { weight: 11, preference: term(req('label_1', 'In', 'label_1_val')) },
    ];
    expect(preferredNodeAffinityScore(terms, { name: 'host-1', labels: { label_1: 'label_1_val' } })).toBe(16);
  });

  it('an empty preference adds nothing (isEmptyNodeSelectorTerm)', () => {
    expect(preferredNodeAffinityScore([{ weight: 50, preference: term() }, ...affinity1], { name: 'n', labels: label1 })).toBe(2);
  });

  it('DefaultNormalizeScore(100, reverse = false): integer division by the largest, all zero when it is zero', () => {
    expect(normalizeNodeAffinityScores([0, 0])).toEqual([0, 0]);
    expect(normalizeNodeAffinityScores([1, 3, 2])).toEqual([33, 100, 66]);
    expect(normalizeNodeAffinityScores([])).toEqual([]);
  });
});
