/**
 * Explicit topology spread constraints in the simulated scheduler: a Deployment's pods with zone
 * DoNotSchedule maxSkew 1 over three zones, pods left Unschedulable when only an over-full zone has
 * room (and bound once the zone that lacked room gets a node), nodes without the key, selectors that
 * count other workloads' pods, matchLabelKeys: [pod-template-hash], and ScheduleAnyway scoring.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { DeploymentController } from '../../src/cluster/deployment-controller.js';
import type { SimNode, SimPod } from '../../src/cluster/model.js';
import { matchesLabelSelector } from '../../src/cluster/label-selector.js';
import { placePod } from '../../src/cluster/place-pod.js';
import { ZONE_LABEL } from '../../src/cluster/topology-spread-score.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { LabelSelectorSpec, PodTemplateSpec, TopologySpreadConstraintSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const GiB = 2 ** 30;
const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };

function constraint(over: Partial<TopologySpreadConstraintSpec> = {}): TopologySpreadConstraintSpec {
  return {
    maxSkew: 1,
    topologyKey: ZONE_LABEL,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchLabels: { app: 'web' }, matchExpressions: [] },
    minDomains: 1,
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Ignore',
    matchLabelKeys: [],
    ...over,
  };
}

function spreadTemplate(constraints: TopologySpreadConstraintSpec[], labels: Record<string, string> = { app: 'web' }): PodTemplateSpec {
  return makeTemplate({
    labels,
    containers: [{ name: 'web', cpuRequestMillicores: 500, memoryRequestBytes: GiB, sidecar: false }],
    hasTopologySpreadConstraints: true,
    topologySpreadConstraints: constraints,
  });
}

function deployment(name: string, template: PodTemplateSpec, replicas: number): WorkloadSpec {
  return { kind: 'Deployment', apiVersion: 'apps/v1', name, namespace: 'default', replicas, selector: template.labels, template, source: { file: `${name}.yaml` } };
}

interface World {
  sim: Simulation;
  cluster: Cluster;
  add(zone: string | undefined, cpuMillicores: number, name?: string): SimNode;
  workload(name: string, template: PodTemplateSpec, replicas: number): DeploymentController;
}

function world(seed = 1): World {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(seed), delays, 'LeastAllocated');
  let workloads = 0;
  const counts = new Map<string, number>();
  return {
    sim,
    cluster,
    add(zone, cpuMillicores, name = zone ?? 'nozone') {
      const i = counts.get(name) ?? 0;
      counts.set(name, i + 1);
      return cluster.addNode(makePool({ name, cpuMillicores, memoryBytes: 64 * GiB, labels: zone === undefined ? {} : { [ZONE_LABEL]: zone } }), i);
    },
    workload(name, template, replicas) {
      const index = workloads++;
      const controller = new DeploymentController(deployment(name, template, replicas), { name, namespace: 'default', index, kind: 'Deployment' }, cluster, sim);
      controller.reconcile();
      return controller;
    },
  };
}

function podsPerZone(pods: readonly SimPod[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of pods) {
    if (p.node === undefined) continue;
    const zone = p.node.labels[ZONE_LABEL] ?? '(none)';
    out[zone] = (out[zone] ?? 0) + 1;
  }
  return out;
}

describe('DoNotSchedule zone spreading in the scheduler', () => {
  it('places a Deployment with zone DoNotSchedule maxSkew 1 evenly over 3 zones, though one zone is far bigger', () => {
    const w = world();
    w.add('zone-a', 32000);
    w.add('zone-a', 32000);
    w.add('zone-b', 4000);
    w.add('zone-c', 4000);
    const web = w.workload('web', spreadTemplate([constraint()]), 6);
    w.sim.runUntil(30);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 2, 'zone-b': 2, 'zone-c': 2 });
    web.scale(9);
    w.sim.runUntil(60);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 3, 'zone-b': 3, 'zone-c': 3 });
    // With a constraint that selects nothing (no labelSelector: no spreading, and no system defaults
    // either), the resource scores put the pods in zone-a's big nodes.
    const v = world();
    v.add('zone-a', 32000);
    v.add('zone-a', 32000);
    v.add('zone-b', 4000);
    v.add('zone-c', 4000);
    const plain = v.workload('web', spreadTemplate([constraint({ labelSelector: undefined })]), 6);
    v.sim.runUntil(30);
    expect(podsPerZone(plain.pods)).toEqual({ 'zone-a': 6 });
  });

  it('leaves pods Unschedulable (TopologySpreadConstraintsNotMatch) when only the fuller zones have room, and binds them once the short zone gets a node', () => {
    const w = world();
    w.add('zone-a', 16000);
    w.add('zone-b', 16000);
    w.add('zone-c', 1000); // room for 2 pods of 500m
    const web = w.workload('web', spreadTemplate([constraint()]), 9);
    w.sim.runUntil(30);
    // zone-c holds 2, so the others may hold 3 each: 8 pods, one waits.
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 3, 'zone-b': 3, 'zone-c': 2 });
    const waiting = web.pods.filter((p) => p.node === undefined);
    expect(waiting.length).toBe(1);
    expect(waiting[0]!.unschedulable).toBe(true);
    const placement = placePod(waiting[0]!, w.cluster.nodes, 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.reason === 'Unschedulable' && placement.filterCounts).toEqual({ TopologySpreadConstraintsNotMatch: 2, InsufficientCpu: 1 });
    w.add('zone-c', 4000);
    w.sim.runUntil(60);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 3, 'zone-b': 3, 'zone-c': 3 });
  });

  it('never uses a node without the topology key (missing required label); a pod with no other node waits', () => {
    const w = world();
    const bare = w.add(undefined, 64000);
    w.add('zone-a', 1000);
    const web = w.workload('web', spreadTemplate([constraint()]), 3);
    w.sim.runUntil(30);
    expect(web.pods.filter((p) => p.node === bare)).toEqual([]);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 2 });
    const waiting = web.pods.find((p) => p.node === undefined)!;
    const placement = placePod(waiting, w.cluster.nodes, 'LeastAllocated', new Rng(1).stream('scheduler'));
    expect(placement.reason === 'Unschedulable' && placement.filterCounts).toEqual({ TopologySpreadMissingLabel: 1, InsufficientCpu: 1 });
  });

  it("counts another workload's pods its selector matches, and a pod terminating no longer counts", () => {
    const w = world();
    w.add('zone-a', 16000);
    w.add('zone-b', 16000);
    // Four pods labelled tier=front in zone-a only (their template pins them there).
    const other = w.workload('other', makeTemplate({ labels: { app: 'other', tier: 'front' }, nodeSelector: { [ZONE_LABEL]: 'zone-a' } }), 4);
    w.sim.runUntil(30);
    // web's constraint counts every tier=front pod; web's own pods carry tier=front too.
    const template = spreadTemplate([constraint({ labelSelector: { matchLabels: { tier: 'front' }, matchExpressions: [] }, nodeAffinityPolicy: 'Ignore' })], { app: 'web', tier: 'front' });
    const web = w.workload('web', template, 4);
    w.sim.runUntil(60);
    // 4 + 0 → web's pods all go to zone-b (4/4).
    expect(podsPerZone(web.pods)).toEqual({ 'zone-b': 4 });
    // Two of the other pods start terminating: zone-a counts 2, so zone-b (4) is over: the next pod goes to zone-a.
    other.scale(2);
    w.sim.runUntil(61);
    web.scale(5);
    w.sim.runUntil(90);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 1, 'zone-b': 4 });
  });

  it('a waiting pod binds when a matching pod of another workload lands in the emptiest zone, though no node relaxed', () => {
    const w = world();
    w.add('zone-a', 16000);
    w.add('zone-b', 300); // room for small front pods only
    const template = spreadTemplate([constraint({ labelSelector: { matchLabels: { tier: 'front' }, matchExpressions: [] } })], { app: 'web', tier: 'front' });
    const web = w.workload('web', template, 2);
    w.sim.runUntil(30);
    // a 1, b 0: a second web pod in zone a would be skew 2, and zone b has no room for it.
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 1 });
    const front = w.workload('front', makeTemplate({ labels: { app: 'front', tier: 'front' }, nodeSelector: { [ZONE_LABEL]: 'zone-b' }, containers: [{ name: 'f', cpuRequestMillicores: 100, memoryRequestBytes: GiB / 4, sidecar: false }] }), 1);
    w.sim.runUntil(60);
    expect(podsPerZone(front.pods)).toEqual({ 'zone-b': 1 });
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 2 });
  });

  it('matchLabelKeys: [pod-template-hash] spreads each Deployment on its own, though both carry app=web', () => {
    const w = world();
    w.add('zone-a', 16000);
    w.add('zone-b', 16000);
    const shared = constraint({ matchLabelKeys: ['pod-template-hash'] });
    // "first" sits in zone-a only (nodeSelector), 3 pods; "second" would be pushed to zone-b without the key.
    const first = w.workload('first', { ...spreadTemplate([]), nodeSelector: { [ZONE_LABEL]: 'zone-a' }, hasTopologySpreadConstraints: undefined, topologySpreadConstraints: undefined }, 3);
    w.sim.runUntil(30);
    const second = w.workload('second', spreadTemplate([shared]), 4);
    w.sim.runUntil(60);
    expect(podsPerZone(first.pods)).toEqual({ 'zone-a': 3 });
    expect(podsPerZone(second.pods)).toEqual({ 'zone-a': 2, 'zone-b': 2 });
    // Without matchLabelKeys first's 3 pods count too: from 3/0, second's first three pods must go to zone-b.
    const v = world();
    v.add('zone-a', 16000);
    v.add('zone-b', 16000);
    v.workload('first', { ...spreadTemplate([]), nodeSelector: { [ZONE_LABEL]: 'zone-a' }, hasTopologySpreadConstraints: undefined, topologySpreadConstraints: undefined }, 3);
    v.sim.runUntil(30);
    const alone = v.workload('second', spreadTemplate([constraint()]), 4);
    v.sim.runUntil(60);
    const zones = podsPerZone(alone.pods);
    expect(zones['zone-b']).toBeGreaterThanOrEqual(3);
  });

  it('ScheduleAnyway zone spreading steers pods to the emptier zone without ever refusing a node', () => {
    const w = world();
    w.add('zone-a', 32000);
    w.add('zone-b', 4000);
    const web = w.workload('web', spreadTemplate([constraint({ whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 1 })]), 4);
    w.sim.runUntil(30);
    expect(podsPerZone(web.pods)).toEqual({ 'zone-a': 2, 'zone-b': 2 });
    // zone-b is full (4 × 500m + nothing else: 2 pods use 1000m of 4000m, so fill it up with 6 more).
    web.scale(12);
    w.sim.runUntil(60);
    expect(web.pods.every((p) => p.node !== undefined)).toBe(true);
  });
});

describe('property: the filter never admits a pod past maxSkew', () => {
  it('after random scale-ups of workloads with zone and hostname DoNotSchedule constraints, every domain count is within maxSkew of the smallest', () => {
    const workloadArb = fc.record({
      zoneSkew: fc.integer({ min: 1, max: 3 }),
      hostSkew: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      minDomains: fc.integer({ min: 1, max: 5 }),
      cpuMillicores: fc.constantFrom(250, 500, 1000),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ zone: fc.integer({ min: 0, max: 3 }), cpuMillicores: fc.constantFrom(1000, 2000, 4000, 8000) }), { minLength: 2, maxLength: 8 }),
        fc.array(workloadArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ workload: fc.nat(), replicas: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 8 }),
        fc.nat(1000),
        (nodeSpecs, workloadSpecs, scaleUps, seed) => {
          const w = world(seed);
          const nodes = nodeSpecs.map((n) => w.add(`zone-${n.zone}`, n.cpuMillicores, `z${n.zone}`));
          const workloads = workloadSpecs.map((spec, i) => {
            const app = `app-${i}`;
            const selector = { matchLabels: { app }, matchExpressions: [] };
            const constraints = [constraint({ maxSkew: spec.zoneSkew, minDomains: spec.minDomains, labelSelector: selector })];
            if (spec.hostSkew !== undefined) constraints.push(constraint({ maxSkew: spec.hostSkew, topologyKey: 'kubernetes.io/hostname', labelSelector: selector }));
            const template = makeTemplate({
              labels: { app },
              containers: [{ name: 'c', cpuRequestMillicores: spec.cpuMillicores, memoryRequestBytes: GiB, sidecar: false }],
              hasTopologySpreadConstraints: true,
              topologySpreadConstraints: constraints,
            });
            return { controller: w.workload(app, template, 0), constraints };
          });
          let t = 0;
          for (const step of scaleUps) {
            const target = workloads[step.workload % workloads.length]!;
            target.controller.scale(target.controller.specReplicas + step.replicas);
            w.sim.runUntil((t += 20));
          }
          for (const { controller, constraints } of workloads) {
            const bound = controller.pods.filter((p) => p.node !== undefined);
            for (const c of constraints) {
              const domains = new Map<string, number>();
              for (const n of nodes) domains.set(n.labels[c.topologyKey]!, 0);
              for (const p of bound) domains.set(p.node!.labels[c.topologyKey]!, domains.get(p.node!.labels[c.topologyKey]!)! + 1);
              const counts = [...domains.values()];
              // Each bind passed count + 1 − min ≤ maxSkew, min taken as 0 below minDomains; min never falls
              // (no pod goes), so the spread now is within maxSkew of the smallest domain (or of 0).
              const floor = domains.size < c.minDomains ? 0 : Math.min(...counts);
              expect(Math.max(...counts) - floor).toBeLessThanOrEqual(c.maxSkew);
            }
          }
        },
      ),
      { seed: 20261123, numRuns: 60 },
    );
  });
});

describe('property: the selector counts equal a walk over the pods (countPodsMatchSelector)', () => {
  it('after workloads come (some after pods of others are bound), scale up and down, every constraint counts what a walk counts', () => {
    const label = fc.constantFrom('web', 'api', 'db');
    const selectorArb = fc.oneof(
      label.map((app) => ({ matchLabels: { app }, matchExpressions: [] })),
      fc.array(label, { minLength: 1, maxLength: 2 }).map((values) => ({ matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'In' as const, values }] })),
      fc.array(label, { minLength: 1, maxLength: 2 }).map((values) => ({ matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'NotIn' as const, values }] })),
      fc.constant<LabelSelectorSpec>({ matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] }),
    );
    const workloadArb = fc.record({
      app: label,
      tier: fc.boolean(),
      constraint: fc.option(fc.record({ selector: selectorArb, revision: fc.boolean(), hard: fc.boolean() }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(workloadArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ workload: fc.nat(), replicas: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 10 }),
        fc.nat(1000),
        (specs, steps, seed) => {
          const w = world(seed);
          for (let z = 0; z < 3; z++) w.add(`zone-${z}`, 4000, `z${z}`);
          const made: { controller: DeploymentController }[] = [];
          let t = 0;
          // Workloads join one per step, so later selectors find pods of earlier ones already bound.
          steps.forEach((step, k) => {
            const spec = specs[k];
            if (spec !== undefined) {
              const c = spec.constraint;
              const constraints =
                c === undefined
                  ? []
                  : [constraint({ labelSelector: c.selector, whenUnsatisfiable: c.hard ? 'DoNotSchedule' : 'ScheduleAnyway', maxSkew: 3, ...(c.revision ? { matchLabelKeys: ['pod-template-hash'] } : {}) })];
              const labels = { app: spec.app, ...(spec.tier ? { tier: 'front' } : {}) };
              const template = makeTemplate({
                labels,
                containers: [{ name: 'c', cpuRequestMillicores: 100, memoryRequestBytes: GiB / 8, sidecar: false }],
                ...(constraints.length > 0 ? { hasTopologySpreadConstraints: true, topologySpreadConstraints: constraints } : {}),
              });
              made.push({ controller: w.workload(`w${k}`, template, 2) });
            }
            const target = made[step.workload % made.length]!;
            target.controller.scale(step.replicas);
            w.sim.runUntil((t += 1 + (step.replicas % 3)));
          });
          const allPods = w.cluster.nodes.flatMap((n) => n.pods);
          for (const { controller } of made) {
            const source = controller.pods[0]?.spreadSource;
            const explicit = source?.explicit;
            if (explicit === undefined) continue;
            for (const c of [...explicit.filter, ...explicit.score]) {
              for (const n of w.cluster.nodes) {
                const walked = allPods.filter(
                  (p) =>
                    p.node === n &&
                    p.deletionSeconds === undefined &&
                    c.selector.labels !== undefined &&
                    p.owner.namespace === c.selector.namespace &&
                    (c.selector.revision === undefined || p.spreadSource?.id === c.selector.revision) &&
                    matchesLabelSelector(c.selector.labels, p.template.labels),
                ).length;
                expect(c.counts.podsOnNode(n)).toBe(walked);
              }
            }
          }
        },
      ),
      { seed: 20261124, numRuns: 60 },
    );
  });
});
