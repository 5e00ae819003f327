/**
 * InterPodAffinity's PreFilter/Filter and PreScore/Score/NormalizeScore as pure functions, on cases
 * adapted from kube-scheduler's interpodaffinity filtering_test.go (TestRequiredAffinitySingleNode,
 * TestRequiredAffinityMultipleNodes) and scoring_test.go (TestPreferredAffinity): existing pods on
 * labelled nodes, the incoming pod's terms, and the verdict or normalized scores per node.
 */
import { describe, expect, it } from 'vitest';
import { interPodAffinityFilter, preFilterInterPodAffinity } from '../../src/cluster/inter-pod-affinity-filter.js';
import { interPodAffinityScore, normalizeInterPodAffinityScores, preScoreInterPodAffinity } from '../../src/cluster/inter-pod-affinity-score.js';
import type { AffinityPodView, AffinityTerm, PodAffinityTerms, WeightedAffinityTerm } from '../../src/cluster/inter-pod-affinity-terms.js';
import type { LabelSelectorRequirement } from '../../src/scenario/types.js';

const HOST = 'kubernetes.io/hostname';
const REGION = 'region';
const ZONE = 'zone';

interface TestPod extends AffinityPodView {
  terms?: Partial<PodAffinityTerms>;
}

interface TestNode {
  labels: Record<string, string>;
  pods: TestPod[];
}

function pod(labels: Record<string, string>, terms?: Partial<PodAffinityTerms>, namespace = 'default'): TestPod {
  return { namespace, revision: undefined, labels, ...(terms ? { terms } : {}) };
}

function term(topologyKey: string, expressions: LabelSelectorRequirement[], namespaces: string[] = ['default']): AffinityTerm {
  return { topologyKey, namespaces, namespaceSelector: undefined, labels: { matchLabels: {}, matchExpressions: expressions } };
}

const securityIn = (...values: string[]): LabelSelectorRequirement => ({ key: 'security', operator: 'In', values });
const securityNotIn = (...values: string[]): LabelSelectorRequirement => ({ key: 'security', operator: 'NotIn', values });
const serviceIn = (...values: string[]): LabelSelectorRequirement => ({ key: 'service', operator: 'In', values });
const weighted = (weight: number, t: AffinityTerm): WeightedAffinityTerm => ({ ...t, weight });

function filterAll(incoming: TestPod, nodes: TestNode[]): string[] {
  const state = preFilterInterPodAffinity(incoming, incoming.terms?.requiredAffinity ?? [], incoming.terms?.requiredAnti ?? [], (visit) => {
    for (const n of nodes) for (const p of n.pods) visit(n.labels, p, p.terms?.requiredAnti, 1);
  });
  return nodes.map((n) => (state === undefined ? 'Fits (skipped)' : interPodAffinityFilter(state, n.labels)));
}

const S1 = { security: 'S1' };
const S2 = { security: 'S2' };
const nodeA = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'a', [REGION]: 'r1', [ZONE]: 'z11' }, pods });

describe('InterPodAffinity Filter on one node (filtering_test.go TestRequiredAffinitySingleNode)', () => {
  it.each<[string, TestPod, TestNode, string]>([
    ['a pod without terms on a node without pods', pod(S1), nodeA(), 'Fits (skipped)'],
    ['required affinity In matching the existing pod', pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')])] }), nodeA([pod(S1)]), 'Fits'],
    ['required affinity NotIn matching the existing pod', pod(S2, { requiredAffinity: [term(REGION, [securityNotIn('S3')])] }), nodeA([pod(S1)]), 'Fits'],
    ['required affinity whose namespace differs from the existing pod', pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')], ['other'])] }), nodeA([pod(S1)]), 'AffinityRulesNotMatch'],
    ['required affinity not matching the existing pod (nor the pod itself)', pod({ security: 'S3' }, { requiredAffinity: [term(REGION, [securityIn('S2')])] }), nodeA([pod(S1)]), 'AffinityRulesNotMatch'],
    [
      'requirements of one selector are ANDed, one does not match',
      pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1'), { key: 'wrongkey', operator: 'DoesNotExist', values: [] }, serviceIn('x')])] }),
      nodeA([pod(S1)]),
      'AffinityRulesNotMatch',
    ],
    [
      'several required terms, all matching the existing pod',
      pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')]), term(REGION, [{ key: 'security', operator: 'Exists', values: [] }])] }),
      nodeA([pod(S1)]),
      'Fits',
    ],
    ['affinity and anti-affinity both satisfied', pod(S1, { requiredAffinity: [term(REGION, [securityIn('S1')])], requiredAnti: [term(ZONE, [securityIn('S2')])] }), nodeA([pod(S1)]), 'Fits'],
    ['affinity satisfied, anti-affinity not', pod(S1, { requiredAffinity: [term(REGION, [securityIn('S1')])], requiredAnti: [term(ZONE, [securityIn('S1')])] }), nodeA([pod(S1)]), 'AntiAffinityRulesNotMatch'],
    [
      "the pod's terms satisfied, the existing pod's anti-affinity (symmetry) not",
      pod(S1, { requiredAffinity: [term(REGION, [securityIn('S1')])], requiredAnti: [term(ZONE, [securityIn('S2')])] }),
      nodeA([pod(S1, { requiredAnti: [term(ZONE, [securityIn('S1')])] })]),
      'ExistingAntiAffinityRulesNotMatch',
    ],
    ["a pod without terms against an existing pod's anti-affinity that matches it", pod(S1), nodeA([pod(S2, { requiredAnti: [term(ZONE, [securityIn('S1')])] })]), 'ExistingAntiAffinityRulesNotMatch'],
    ["a pod without terms against an existing pod's anti-affinity that does not match it", pod(S1), nodeA([pod(S2, { requiredAnti: [term(ZONE, [securityIn('S2')])] })]), 'Fits (skipped)'],
    ["an existing pod's anti-affinity on a key the node lacks", pod(S1), nodeA([pod(S2, { requiredAnti: [term('rack', [securityIn('S1')])] })]), 'Fits (skipped)'],
    ['required affinity on a key the node lacks', pod(S1, { requiredAffinity: [term('rack', [securityIn('S1')])] }), nodeA([pod(S1)]), 'AffinityRulesNotMatch'],
    ['required anti-affinity on a key the node lacks', pod(S1, { requiredAnti: [term('rack', [securityIn('S1')])] }), nodeA([pod(S1)]), 'Fits'],
    ['a self-affine pod, no pod in the cluster matching (the first of its group)', pod(S1, { requiredAffinity: [term(REGION, [securityIn('S1')])] }), nodeA(), 'Fits'],
    ['a pod whose affinity matches no pod and not itself', pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')])] }), nodeA(), 'AffinityRulesNotMatch'],
    ['a term without labelSelector selects nothing', pod(S1, { requiredAnti: [{ ...term(HOST, []), labels: undefined }] }), nodeA([pod(S1)]), 'Fits'],
    [
      'a namespaceSelector on kubernetes.io/metadata.name selects the existing pod in another namespace',
      pod(S2, { requiredAffinity: [{ ...term(REGION, [securityIn('S1')], []), namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-b' }, matchExpressions: [] } }] }),
      nodeA([pod(S1, undefined, 'team-b')]),
      'Fits',
    ],
    [
      'an empty namespaceSelector selects every namespace',
      pod(S2, { requiredAnti: [{ ...term(HOST, [securityIn('S1')], []), namespaceSelector: { matchLabels: {}, matchExpressions: [] } }] }),
      nodeA([pod(S1, undefined, 'team-b')]),
      'AntiAffinityRulesNotMatch',
    ],
  ])('%s', (_name, incoming, node, expected) => {
    expect(filterAll(incoming, [node])).toEqual([expected]);
  });
});

describe('InterPodAffinity Filter over several nodes (TestRequiredAffinityMultipleNodes)', () => {
  const n1 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'n1', [REGION]: 'r1', [ZONE]: 'z11' }, pods });
  const n2 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'n2', [REGION]: 'r1', [ZONE]: 'z12' }, pods });
  const n3 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'n3', [REGION]: 'r2', [ZONE]: 'z21' }, pods });
  const n4 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'n4' }, pods });

  it('affinity on the region: every node of the matching pod\'s region fits, others do not', () => {
    expect(filterAll(pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')])] }), [n1([pod(S1)]), n2(), n3(), n4()])).toEqual([
      'Fits',
      'Fits',
      'AffinityRulesNotMatch',
      'AffinityRulesNotMatch',
    ]);
  });

  it('anti-affinity on the zone forbids only the matching pod\'s zone; a node without the key fits', () => {
    expect(filterAll(pod(S2, { requiredAnti: [term(ZONE, [securityIn('S1')])] }), [n1([pod(S1)]), n2(), n3(), n4()])).toEqual(['AntiAffinityRulesNotMatch', 'Fits', 'Fits', 'Fits']);
  });

  it("an existing pod's hostname anti-affinity forbids its own node only (symmetry)", () => {
    const existing = pod(S1, { requiredAnti: [term(HOST, [securityIn('S1')])] });
    expect(filterAll(pod(S1), [n1([existing]), n2(), n3()])).toEqual(['ExistingAntiAffinityRulesNotMatch', 'Fits', 'Fits']);
  });

  it('a self-affine pod goes anywhere the key exists while no pod matches, then only to the first pod\'s domain', () => {
    const self = pod(S1, { requiredAffinity: [term(ZONE, [securityIn('S1')])] });
    expect(filterAll(self, [n1(), n2(), n3(), n4()])).toEqual(['Fits', 'Fits', 'Fits', 'AffinityRulesNotMatch']);
    expect(filterAll(self, [n1(), n2([pod(S1)]), n3(), n4()])).toEqual(['AffinityRulesNotMatch', 'Fits', 'AffinityRulesNotMatch', 'AffinityRulesNotMatch']);
  });

  it('a matching pod on a node without the key leaves affinityCounts empty: the first-pod rule still applies', () => {
    const self = pod(S1, { requiredAffinity: [term(ZONE, [securityIn('S1')])] });
    expect(filterAll(self, [n1(), n4([pod(S1)])])).toEqual(['Fits', 'AffinityRulesNotMatch']);
  });

  it('affinity to all terms: a pod matching only one of two terms is not counted', () => {
    const incoming = pod(S2, { requiredAffinity: [term(REGION, [securityIn('S1')]), term(ZONE, [serviceIn('db')])] });
    expect(filterAll(incoming, [n1([pod(S1)]), n2([pod({ service: 'db' })])])).toEqual(['AffinityRulesNotMatch', 'AffinityRulesNotMatch']);
    expect(filterAll(incoming, [n1([pod({ ...S1, service: 'db' })]), n2()])).toEqual(['Fits', 'AffinityRulesNotMatch']);
  });
});

function scoreAll(incoming: TestPod, nodes: TestNode[]): number[] | 'skipped' {
  const scores = preScoreInterPodAffinity(incoming, incoming.terms as PodAffinityTerms | undefined, (all, visit) => {
    for (const n of nodes) for (const p of n.pods) if (all || p.terms !== undefined) visit(n.labels, p, p.terms as PodAffinityTerms | undefined, 1);
  });
  if (scores === undefined) return 'skipped';
  return normalizeInterPodAffinityScores(nodes.map((n) => interPodAffinityScore(scores, n.labels)));
}

const terms = (t: Partial<PodAffinityTerms>): PodAffinityTerms => ({ requiredAffinity: [], requiredAnti: [], preferredAffinity: [], preferredAnti: [], ...t });

describe('InterPodAffinity Score (scoring_test.go TestPreferredAffinity)', () => {
  const china1 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'm1', [REGION]: 'China' }, pods });
  const china2 = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'm2', [REGION]: 'China' }, pods });
  const india = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'm3', [REGION]: 'India' }, pods });
  const az = (pods: TestPod[] = []): TestNode => ({ labels: { [HOST]: 'm4', az: 'az1' }, pods });

  it('no pod with terms and an incoming pod without preferred terms: skipped (0 everywhere)', () => {
    expect(scoreAll(pod(S1), [china1([pod(S1)]), india()])).toBe('skipped');
  });

  it('affinity: the node of the matching topology value scores highest, nodes without the key 0', () => {
    const incoming = pod(S2, terms({ preferredAffinity: [weighted(5, term(REGION, [securityIn('S1')]))] }));
    expect(scoreAll(incoming, [china1([pod(S1)]), india([pod(S2)]), az()])).toEqual([100, 0, 0]);
  });

  it('every node sharing the topology value of a matching pod scores the same', () => {
    const incoming = pod(S2, terms({ preferredAffinity: [weighted(5, term(REGION, [securityIn('S1')]))] }));
    expect(scoreAll(incoming, [china1([pod(S1)]), china2(), india()])).toEqual([100, 100, 0]);
  });

  it('weights add up per domain: more matching pods, more score', () => {
    const incoming = pod(S2, terms({ preferredAffinity: [weighted(5, term(REGION, [securityIn('S1')])), weighted(4, term(REGION, [serviceIn('a')]))] }));
    // China: 5 + 4 (one pod matches both terms) + 5; India: 5.
    expect(scoreAll(incoming, [china1([pod({ ...S1, service: 'a' }), pod(S1)]), india([pod(S1)]), az()])).toEqual([100, 35, 0]);
  });

  it('anti-affinity: the node without matching pods scores highest (negative scores normalized from the minimum)', () => {
    const incoming = pod(S1, terms({ preferredAnti: [weighted(5, term(REGION, [securityIn('S1')]))] }));
    expect(scoreAll(incoming, [china1([pod(S1)]), india([pod(S2)])])).toEqual([0, 100]);
  });

  it("symmetry: an existing pod's required affinity term matching the incoming pod adds the hard weight 1", () => {
    const existing = pod(S2, terms({ requiredAffinity: [term(REGION, [securityIn('S1')])] }));
    expect(scoreAll(pod(S1), [china1([existing]), india()])).toEqual([100, 0]);
  });

  it("symmetry: an existing pod's preferred anti-affinity matching the incoming pod subtracts its weight", () => {
    const existing = pod(S2, terms({ preferredAnti: [weighted(5, term(HOST, [securityIn('S1')]))] }));
    expect(scoreAll(pod(S1), [china1([existing]), china2(), india()])).toEqual([0, 100, 100]);
  });

  it('equal scores everywhere (max = min) normalize to 0', () => {
    const incoming = pod(S2, terms({ preferredAffinity: [weighted(5, term(REGION, [securityIn('S1')]))] }));
    expect(scoreAll(incoming, [china1([pod(S1)]), china2([pod(S1)])])).toEqual([0, 0]);
  });

  it('NormalizeScore truncates 100 × (score − min) ÷ (max − min)', () => {
    expect(normalizeInterPodAffinityScores([-3, 0, 4])).toEqual([0, 42, 100]);
  });
});
