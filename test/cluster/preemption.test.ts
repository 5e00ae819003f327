/**
 * DefaultPreemption's victim selection and node pick (src/cluster/preemption.ts), table cases
 * adapted from kubernetes/kubernetes pkg/scheduler/framework/plugins/defaultpreemption
 * default_preemption_test.go (TestSelectNodesForPreemption, TestPickOneNodeForPreemption,
 * TestPodEligibleToPreemptOthers, TestCalculateNumCandidates): small/medium/large CPU requests,
 * low/mid/high priorities, PDB-violating victims reprieved first.
 */
import { describe, expect, it } from 'vitest';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import { Nominator } from '../../src/cluster/nominator.js';
import { NO_COUNT_FILTERS } from '../../src/cluster/preemption-count-filters.js';
import {
  eligibleToPreemptOthers,
  filterPodsWithPdbViolation,
  findCandidates,
  numCandidates,
  pickOneNodeForPreemption,
  preempt,
  selectVictimsOnNode,
  type Candidate,
  type PreemptionContext,
  type PreemptionPdb,
} from '../../src/cluster/preemption.js';
import { makeNode, makePod, makeTemplate } from '../helpers/builders.js';

const LOW = 0;
const MID = 100;
const HIGH = 1000;
const SMALL = 100;
const MEDIUM = 200;
const LARGE = 300;
const NOW = 10_000;

function pod(name: string, priority: number, cpu: number, extra: { start?: number; labels?: Record<string, string>; never?: boolean } = {}): SimPod {
  const template = makeTemplate({ labels: extra.labels ?? { app: name }, ...(priority !== 0 ? { priority } : {}), ...(extra.never ? { preemptionPolicy: 'Never' as const } : {}) });
  return makePod({ name, template, cpuRequestMillicores: cpu, memoryRequestBytes: 0, startTimeSeconds: extra.start ?? 0 });
}

/** A node of `cpu` millicores (upstream's nodes are 500m in these cases) holding `pods`. */
function node(name: string, pods: SimPod[], cpu = 500, maxPods = 110): SimNode {
  const n = makeNode({ name, cpuAllocatableMillicores: cpu, maxPods });
  for (const p of pods) {
    n.pods.push(p);
    n.cpuRequestedMillicores += p.cpuRequestMillicores;
    n.podCount++;
    p.node = n;
  }
  return n;
}

function context(over: Partial<PreemptionContext> = {}): PreemptionContext {
  return { nominator: new Nominator(), pdbs: [], random: { next: () => 0, int: () => 0, jitter: () => 0 }, nowSeconds: NOW, preempted: new WeakSet(), countFilters: NO_COUNT_FILTERS, ...over };
}

function victimsOn(preemptor: SimPod, n: SimNode, pdbs: PreemptionPdb[] = []) {
  const nominator = new Nominator();
  return selectVictimsOnNode(preemptor, n, pdbs, (removed) => nominator.fitsWithNominated(preemptor, n, removed) === 'Fits', NOW);
}

const names = (pods: readonly SimPod[] | undefined) => pods?.map((p) => p.name);

describe('SelectVictimsOnNode (TestSelectNodesForPreemption)', () => {
  const cases: { name: string; preemptor: SimPod; pods: SimPod[]; victims: string[] | undefined }[] = [
    {
      name: 'a pod that would fit on the node, but the pods running are of higher priority: no preemption',
      preemptor: pod('p', MID, LARGE),
      pods: [pod('p1', HIGH, LARGE)],
      victims: undefined,
    },
    {
      name: 'a pod that does not fit even with every lower-priority pod removed',
      preemptor: pod('p', HIGH, 600),
      pods: [pod('p1', LOW, SMALL)],
      victims: undefined,
    },
    {
      name: 'the lower-priority large pod is preempted',
      preemptor: pod('p', HIGH, LARGE),
      pods: [pod('p1', MID, LARGE)],
      victims: ['p1'],
    },
    {
      name: 'medium priority pod is preempted, but lower priority one stays as it is small',
      preemptor: pod('p', HIGH, LARGE),
      pods: [pod('p1.1', LOW, SMALL), pod('p1.2', MID, LARGE)],
      victims: ['p1.2'],
    },
    {
      name: 'mixed priority pods are preempted: reprieved from the most important, the rest go most important first',
      preemptor: pod('p', HIGH, LARGE),
      pods: [pod('p1.1', MID, SMALL), pod('p1.2', LOW, SMALL), pod('p1.3', MID, MEDIUM), pod('p1.4', HIGH, SMALL)],
      // p1.4 (high) is no candidate. Reprieved in order p1.1, p1.3 (mid), p1.2 (low): p1.1 stays
      // (100 + 100 + 300 = 500), p1.3 and p1.2 no longer fit beside the preemptor.
      victims: ['p1.3', 'p1.2'],
    },
    {
      name: 'equal priority: the pod that started earlier is reprieved first',
      preemptor: pod('p', HIGH, LARGE),
      pods: [pod('late', LOW, MEDIUM, { start: 500 }), pod('early', LOW, MEDIUM, { start: 100 })],
      victims: ['late'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(names(victimsOn(c.preemptor, node('n1', c.pods))?.pods)).toEqual(c.victims);
    });
  }

  it('the pod count counts too (TooManyPods is resolvable); equal pods keep their order, the first reprieved', () => {
    const n = node('n1', [pod('a', LOW, 10), pod('b', LOW, 10)], 4000, 2);
    expect(names(victimsOn(pod('p', HIGH, 10), n)?.pods)).toEqual(['b']);
  });

  it('PDB-violating pods are reprieved first, and the violations are counted', () => {
    // Both 200m low pods are covered by a budget allowing one disruption: the second one evicted
    // violates it. Two of the three must go for a 300m pod on 500m: the violating one is tried first.
    const pdb: PreemptionPdb = { namespace: 'default', selector: { app: 'guarded' }, disruptionsAllowed: 1 };
    const a = pod('a', LOW, MEDIUM, { labels: { app: 'guarded' }, start: 1 });
    const b = pod('b', LOW, MEDIUM, { labels: { app: 'guarded' }, start: 2 });
    const c = pod('c', LOW, SMALL, { start: 3 });
    const result = victimsOn(pod('p', HIGH, LARGE), node('n1', [a, b, c]), [pdb]);
    // Sorted a, b, c (same priority, earlier start first): a takes the one disruption, b would
    // violate it, c matches no budget. b is reprieved first and stays (200 + 300 = 500); then neither
    // a (700) nor c (600) fits back: both go, and no budget is violated.
    expect(names(result?.pods)).toEqual(['a', 'c']);
    expect(result?.numPdbViolations).toBe(0);
  });

  it('filterPodsWithPDBViolation: a pod without labels or a budget with an empty selector matches nothing', () => {
    const unlabelled = pod('x', LOW, SMALL, { labels: {} });
    const labelled = pod('y', LOW, SMALL, { labels: { app: 'web' } });
    const pdbs: PreemptionPdb[] = [
      { namespace: 'default', selector: {}, disruptionsAllowed: 0 },
      { namespace: 'default', selector: { app: 'web' }, disruptionsAllowed: 0 },
    ];
    const split = filterPodsWithPdbViolation([unlabelled, labelled], pdbs);
    expect(names(split.violating)).toEqual(['y']);
    expect(names(split.nonViolating)).toEqual(['x']);
  });
});

describe('pickOneNodeForPreemption (TestPickOneNodeForPreemption)', () => {
  function pick(nodes: { node: string; victims: SimPod[]; violations?: number }[]): string | undefined {
    const candidates: Candidate[] = nodes.map((n) => ({ node: makeNode({ name: n.node }), victims: { pods: n.victims, numPdbViolations: n.violations ?? 0 } }));
    return pickOneNodeForPreemption(candidates, NOW)?.node.name;
  }

  it('fewest PDB violations first', () => {
    expect(pick([{ node: 'n1', victims: [pod('a', LOW, SMALL)], violations: 1 }, { node: 'n2', victims: [pod('b', MID, SMALL), pod('c', MID, SMALL)] }])).toBe('n2');
  });

  it('machine with min highest priority pod is picked', () => {
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', MID, SMALL), pod('m1.2', LOW, SMALL)] },
        { node: 'n2', victims: [pod('m2.1', MID, SMALL)] },
        { node: 'n3', victims: [pod('m3.1', LOW, SMALL), pod('m3.2', LOW, SMALL)] },
      ]),
    ).toBe('n3');
  });

  it('when highest priorities are the same, minimum sum of lower priority pods is picked', () => {
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', MID, SMALL), pod('m1.2', MID, SMALL)] },
        { node: 'n2', victims: [pod('m2.1', MID, SMALL), pod('m2.2', LOW, SMALL)] },
        { node: 'n3', victims: [pod('m3.1', MID, SMALL), pod('m3.2', MID, SMALL)] },
      ]),
    ).toBe('n2');
  });

  it('when highest priority and sum are the same, minimum number of pods is picked', () => {
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', MID, SMALL), pod('m1.2', -MID, SMALL), pod('m1.3', -MID, SMALL)] },
        { node: 'n2', victims: [pod('m2.1', MID, SMALL), pod('m2.2', -2 * MID, SMALL)] },
      ].map((c) => c)),
    ).toBe('n2');
  });

  it('sum of adjusted priorities is considered: a few negative-priority victims beat more of the same', () => {
    // Without the 2^31 offset, three −100 pods would sum lower than two −100 pods.
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', -MID, SMALL), pod('m1.2', -MID, SMALL), pod('m1.3', -MID, SMALL)] },
        { node: 'n2', victims: [pod('m2.1', -MID, SMALL), pod('m2.2', -MID, SMALL)] },
      ]),
    ).toBe('n2');
  });

  it('same priority, same number of victims: the node whose highest-priority victims started latest', () => {
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', LOW, SMALL, { start: 10 }), pod('m1.2', LOW, SMALL, { start: 100 })] },
        { node: 'n2', victims: [pod('m2.1', LOW, SMALL, { start: 50 }), pod('m2.2', LOW, SMALL, { start: 60 })] },
        { node: 'n3', victims: [pod('m3.1', LOW, SMALL, { start: 20 }), pod('m3.2', LOW, SMALL, { start: 900 })] },
      ]),
    ).toBe('n2');
  });

  it('mixed priority victims: only the highest priority ones start times count', () => {
    expect(
      pick([
        { node: 'n1', victims: [pod('m1.1', MID, SMALL, { start: 300 }), pod('m1.2', LOW, SMALL, { start: 1 })] },
        { node: 'n2', victims: [pod('m2.1', MID, SMALL, { start: 200 }), pod('m2.2', LOW, SMALL, { start: 999 })] },
      ]),
    ).toBe('n1');
  });

  it('a full tie takes the first candidate', () => {
    expect(pick([{ node: 'n1', victims: [pod('a', LOW, SMALL)] }, { node: 'n2', victims: [pod('b', LOW, SMALL)] }])).toBe('n1');
  });
});

describe('the preemption as a whole', () => {
  it('calculateNumCandidates: 10% of the nodes, at least 100, never more than there are', () => {
    expect([10, 100, 150, 1000, 2000, 5000].map(numCandidates)).toEqual([10, 100, 100, 100, 200, 500]);
  });

  it('skips nodes that fail nodeSelector or taints (UnschedulableAndUnresolvable)', () => {
    const tainted = node('tainted', [pod('t', LOW, LARGE)]);
    tainted.taints = [{ key: 'dedicated', effect: 'NoSchedule' }];
    const labelled = node('plain', [pod('l', LOW, LARGE)]);
    const preemptor = pod('p', HIGH, LARGE);
    expect(findCandidates(preemptor, [tainted, labelled], context()).map((c) => c.node.name)).toEqual(['plain']);
    preemptor.nodeSelector = { disk: 'ssd' };
    expect(findCandidates(preemptor, [tainted, labelled], context())).toEqual([]);
  });

  it('starts the dry run at the random offset and stops once enough candidates are found', () => {
    const nodes = [node('n0', [pod('a', LOW, LARGE)]), node('n1', [pod('b', LOW, LARGE)]), node('n2', [pod('c', LOW, LARGE)])];
    const offset = findCandidates(pod('p', HIGH, LARGE), nodes, context({ random: { next: () => 0, int: () => 2, jitter: () => 0 } }));
    expect(offset.map((c) => c.node.name)).toEqual(['n2', 'n0', 'n1']);
  });

  it('the picked node and its victims; nominated pods of priority ≥ the preemptor hold their room', () => {
    const n0 = node('n0', [pod('a', LOW, LARGE)]);
    const n1 = node('n1', [pod('b', LOW, LARGE)]);
    const nominator = new Nominator();
    nominator.nominate(pod('earlier', HIGH, LARGE), n0);
    const result = preempt(pod('p', MID, LARGE), [n0, n1], context({ nominator }));
    expect(result.outcome).toBe('preempted');
    expect(result.outcome === 'preempted' && [result.node.name, names(result.victims)]).toEqual(['n1', ['b']]);
  });

  it('PodEligibleToPreemptOthers: not with preemptionPolicy Never, nor while its victims terminate on the nominated node', () => {
    const nominator = new Nominator();
    const preempted = new WeakSet<SimPod>();
    expect(eligibleToPreemptOthers(pod('never', HIGH, SMALL, { never: true }), nominator, preempted).eligible).toBe(false);
    const victim = pod('v', LOW, SMALL);
    const n = node('n0', [victim]);
    const preemptor = pod('p', HIGH, SMALL);
    nominator.nominate(preemptor, n);
    expect(eligibleToPreemptOthers(preemptor, nominator, preempted).eligible).toBe(true);
    victim.deletionSeconds = NOW;
    preempted.add(victim);
    expect(eligibleToPreemptOthers(preemptor, nominator, preempted)).toEqual({ eligible: false, reason: 'not eligible due to a terminating pod on the nominated node.' });
    // The nominated node tainted since (e.g. ToBeDeletedByClusterAutoscaler): eligible again.
    n.taints = [{ key: 'ToBeDeletedByClusterAutoscaler', effect: 'NoSchedule' }];
    expect(eligibleToPreemptOthers(preemptor, nominator, preempted).eligible).toBe(true);
  });

  it.each([
    { name: 'AffinityRulesNotMatch (or a missing topology key) on the nominated node: eligible again', unresolvable: true, cpu: 500, eligible: true },
    { name: 'a resolvable count-filter failure keeps it waiting', unresolvable: false, cpu: 500, eligible: false },
    { name: 'NodeResourcesFit fails first (Unschedulable), so the status is resolvable whatever follows', unresolvable: true, cpu: 150, eligible: false },
  ])('PodEligibleToPreemptOthers reads the nominated node’s first failing filter, count filters included: $name', ({ unresolvable, cpu, eligible }) => {
    const nominator = new Nominator();
    const preempted = new WeakSet<SimPod>();
    const victim = pod('v', LOW, 100);
    const n = node('n0', [victim], cpu);
    const preemptor = pod('p', HIGH, 100);
    nominator.nominate(preemptor, n);
    victim.deletionSeconds = NOW;
    preempted.add(victim);
    const countFilters = { unresolvable: () => unresolvable, fitsWithout: () => true };
    expect(eligibleToPreemptOthers(preemptor, nominator, preempted, countFilters).eligible).toBe(eligible);
  });
});
