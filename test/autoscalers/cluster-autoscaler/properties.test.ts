import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/autoscalers/cluster-autoscaler/estimator/binpacking.js';
import { planScaleDown } from '../../../src/autoscalers/cluster-autoscaler/scale-down/planner.js';
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { GIB, group, node, pod, pods, seeded, settings, template } from './builders.js';

const SEED = { seed: 20_250_301, numRuns: 300 };

const podGroupArb = fc.record({
  cpu: fc.integer({ min: 1, max: 3000 }),
  memGiB: fc.integer({ min: 0, max: 12 }),
  count: fc.integer({ min: 1, max: 15 }),
  port: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

describe('binpacking properties', () => {
  it('never puts more on a node than its allocatable, max pods or free host ports allow', () => {
    fc.assert(
      fc.property(
        fc.array(podGroupArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 500, max: 4000 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -1, max: 8 }),
        (groups, cpu, memGiB, maxPods, maxNodes) => {
          const podGroups: CaPod[][] = groups.map((g, i) => pods(`g${i}`, g.count, g.cpu, g.memGiB * GIB, g.port === undefined ? {} : { hostPorts: [g.port] }));
          const r = estimate({ podGroups, template: template(cpu, memGiB * GIB, { maxPods }), maxNodes });
          for (const n of r.nodes) {
            expect(n.pods.reduce((s, p) => s + p.cpuMillicores, 0)).toBeLessThanOrEqual(cpu);
            expect(n.pods.reduce((s, p) => s + p.memoryBytes, 0)).toBeLessThanOrEqual(memGiB * GIB);
            expect(n.pods.length).toBeLessThanOrEqual(maxPods);
            const ports = n.pods.flatMap((p) => p.hostPorts ?? []);
            expect(new Set(ports).size).toBe(ports.length);
          }
          expect(r.scheduledPods.length + r.unschedulablePods.length).toBe(podGroups.flat().length);
          if (maxNodes > 0) expect(r.nodeCount).toBeLessThanOrEqual(maxNodes);
          if (maxNodes < 0) expect(r.nodeCount).toBe(0);
        },
      ),
      SEED,
    );
  });
});

describe('planner properties', () => {
  it('a scale-up never takes a group past its max size, max-nodes-total or max-nodes-per-scaleup', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ target: fc.integer({ min: 0, max: 10 }), headroom: fc.integer({ min: 0, max: 5 }), cpu: fc.integer({ min: 500, max: 4000 }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('least-waste', 'most-pods', 'least-nodes', 'random', 'priority', 'price'),
        (specs, podCount, maxNodesTotal, perScaleUp, expander) => {
          const groups = specs.map((s, i) => group(`g${i}`, template(s.cpu, 8 * GIB), { targetSize: s.target, maxSize: s.target + s.headroom, priority: i, priceUsdPerHour: 0.1 * (i + 1) }));
          const current = specs.reduce((sum, s) => sum + s.target, 0);
          const r = planScaleUp({
            unschedulablePods: pods('web', podCount, 450, GIB),
            groups,
            limits: { currentNodeCount: current, currentTotals: { cpuMillicores: 0, memoryBytes: 0 } },
            config: settings({ maxNodesTotal, maxNodesPerScaleUp: perScaleUp, expanders: [expander] }),
            nowSeconds: 0,
            random: seeded(podCount),
          });
          if (r.group === undefined) {
            expect(r.increase).toBe(0);
            return;
          }
          const g = groups.find((x) => x.name === r.group);
          expect(r.increase).toBeGreaterThan(0);
          expect((g?.targetSize ?? 0) + r.increase).toBeLessThanOrEqual(g?.maxSize ?? 0);
          if (maxNodesTotal > 0) expect(current + r.increase).toBeLessThanOrEqual(maxNodesTotal);
          if (perScaleUp > 0) expect(r.increase).toBeLessThanOrEqual(perScaleUp);
        },
      ),
      SEED,
    );
  });

  it('a scale-down plan never takes a group below its min size, and timers only keep or start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cpu: fc.integer({ min: 0, max: 900 }), since: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 8 }),
        (specs, minSize) => {
          const NOW = 2000;
          const nodes = specs.map((s, i) => node(`n${i}`, 'g', 1000, 4 * GIB, s.cpu > 0 ? [pod(`p${i}`, s.cpu)] : []));
          const before = new Map<string, number>(specs.flatMap((s, i): [string, number][] => (s.since === undefined ? [] : [[`n${i}`, s.since]])));
          const p = planScaleDown({
            nodes,
            groups: [group('g', template(1000, 4 * GIB), { minSize, maxSize: 20, targetSize: nodes.length })],
            unneededSince: before,
            nowSeconds: NOW,
            config: settings({ maxDrainParallelism: 10 }),
            clusterTotals: { cpuMillicores: nodes.length * 1000, memoryBytes: nodes.length * 4 * GIB },
          });
          expect(nodes.length - p.removable.length).toBeGreaterThanOrEqual(Math.min(minSize, nodes.length));
          for (const [name, since] of p.unneededSince) expect(since).toBe(before.get(name) ?? NOW);
          for (const r of p.removable) expect(NOW - (p.unneededSince.get(r.node) ?? NOW)).toBeGreaterThan(600);
        },
      ),
      SEED,
    );
  });
});
