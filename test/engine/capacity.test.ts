/**
 * calculateCpuCaps: the most CPU a serving pod can use, by where it runs — its CPU limit, else the
 * smallest node pool's CPU on an ordinary node or, on a virtual pool its pods can be placed on, the
 * vCPU of the ECI size it is billed at; and the classes of pods of one cap each it makes.
 */
import { describe, expect, it } from 'vitest';
import type { VirtualPoolSettings } from '../../src/cloud/types.js';
import { calculateCpuCaps, type CpuCap } from '../../src/engine/capacity.js';
import { CapacityClasses } from '../../src/engine/capacity-classes.js';
import type { ElasticWorkloadSpec, LoadModelSpec, NodePoolSpec, PodTemplateSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';
import { ECI_PRICING, GIB } from '../report/cost/cost-fixtures.js';

const LOAD = { container: undefined } as unknown as LoadModelSpec;
const LOAD_COSTING = { container: undefined, baseCpuMillicores: 0, cpuMillicoreSecondsPerRequest: 10, baseMemoryBytes: 0, memoryBytesPerRequestPerSecond: 0 } as unknown as LoadModelSpec;
const STARTUP = { sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, imageCache: true, containerStartSeconds: 2 };
const ECI: VirtualPoolSettings = { provider: 'eci', pricing: { ...ECI_PRICING, noRequestsDefault: { cpuMillicores: 2000, memoryBytes: 4 * GIB } }, startup: STARTUP, stockOuts: [] };
const TAINT = { key: 'virtual-kubelet.io/provider', value: 'alibabacloud', effect: 'NoSchedule' as const };
const ecs = makePool({ name: 'ecs', cpuMillicores: 4000 });
const smallEcs = makePool({ name: 'small', cpuMillicores: 2000 });
const eci = makePool({ name: 'eci', cpuMillicores: 1_000_000_000, labels: { type: 'virtual-kubelet' }, virtual: ECI });
const taintedEci = { ...eci, taints: [TAINT] };
/** A small dedicated pool (system add-ons) the workload's pods may not run on. */
const systemPool = makePool({ name: 'system', cpuMillicores: 1000, taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }] });
const labelledPool = makePool({ name: 'gpu', cpuMillicores: 1500, labels: { accelerator: 'nvidia' } });

function workload(cpu: number, memoryGib: number, over: Partial<PodTemplateSpec> = {}, limitMillicores?: number): WorkloadSpec {
  const template = makeTemplate({
    containers: [{ name: 'web', cpuRequestMillicores: cpu, memoryRequestBytes: memoryGib * GIB, ...(limitMillicores !== undefined ? { cpuLimitMillicores: limitMillicores } : {}), sidecar: false }],
    ...over,
  });
  return { name: 'web', template } as unknown as WorkloadSpec;
}

const toEci = { nodeSelector: { type: 'virtual-kubelet' } };
/** spec.affinity.nodeAffinity requiring (In) or avoiding (NotIn) the virtual-kubelet node. */
const affinity = (operator: 'In' | 'NotIn'): Partial<PodTemplateSpec> => ({
  nodeAffinity: { required: [{ matchExpressions: [{ key: 'type', operator, values: ['virtual-kubelet'] }], matchFields: [] }], preferred: [] },
});
const elastic = {
  elasticUnits: [{ name: 'vk', labels: {}, annotations: {}, nodeSelector: { type: 'virtual-kubelet' }, tolerations: [{ key: TAINT.key, operator: 'Exists' }] }],
} as unknown as ElasticWorkloadSpec;

type Caps = [ordinary: number, ordinaryReason: CpuCap['reason'], ordinaryReachable: boolean, virtual: [pool: string, cap: number, reason: CpuCap['reason']][]];

describe('calculateCpuCaps', () => {
  it.each<[string, WorkloadSpec, NodePoolSpec[], ElasticWorkloadSpec | undefined, Caps]>([
    ['a CPU limit wins, on every pool', workload(1000, 2, toEci, 3000), [ecs, eci], undefined, [3000, 'CpuLimit', false, [['eci', 3000, 'CpuLimit']]]],
    ['no limit, node pools only: the smallest pool', workload(1000, 2), [ecs, makePool({ name: 'big', cpuMillicores: 16000 })], undefined, [4000, 'SmallestNodePool', true, []]],
    ['no limit: a smaller pool the pods may not run on (taint) does not cap them', workload(1000, 2), [systemPool, ecs], undefined, [4000, 'SmallestNodePool', true, []]],
    ['no limit: nor one their nodeSelector keeps them off', workload(1000, 2, { nodeSelector: { pool: 'ecs' } }), [labelledPool, { ...ecs, labels: { pool: 'ecs' } }], undefined, [4000, 'SmallestNodePool', true, []]],
    ['no limit: the smallest pool they may run on caps them', workload(1000, 2, { tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }] }), [systemPool, ecs], undefined, [1000, 'SmallestNodePool', true, []]],
    ['no limit, pinned to ECI: the 1 vCPU size it is billed at', workload(1000, 2, toEci), [ecs, eci], undefined, [4000, 'SmallestNodePool', false, [['eci', 1000, 'VirtualPodSize']]]],
    ['no limit, 1.5 vCPU on ECI: rounded up to 2 vCPU', workload(1500, 3, toEci), [eci], undefined, [Infinity, 'NoPool', false, [['eci', 2000, 'VirtualPodSize']]]],
    ['no requests on ECI: the 2 vCPU default size', workload(0, 0, toEci), [eci], undefined, [Infinity, 'NoPool', false, [['eci', 2000, 'VirtualPodSize']]]],
    ['an ECI pool the pods cannot reach (taint) does not count', workload(1000, 2), [ecs, taintedEci], undefined, [4000, 'SmallestNodePool', true, []]],
    ['an ElasticWorkload unit that tolerates and selects it does, beside the ECS pool', workload(1000, 2), [ecs, taintedEci], elastic, [4000, 'SmallestNodePool', true, [['eci', 1000, 'VirtualPodSize']]]],
    ['an ECI size larger than the smallest node pool caps the ECI pods at their size', workload(4000, 16, toEci), [smallEcs, eci], undefined, [2000, 'SmallestNodePool', false, [['eci', 4000, 'VirtualPodSize']]]],
    ['a pod no ECI size covers gets no ECI cap', workload(8000, 16, toEci), [ecs, eci], undefined, [4000, 'SmallestNodePool', false, []]],
    ['required node affinity to ECI: as pinned by a nodeSelector', workload(1000, 2, affinity('In')), [ecs, eci], undefined, [4000, 'SmallestNodePool', false, [['eci', 1000, 'VirtualPodSize']]]],
    ['required node affinity avoiding ECI: the ECI pool does not count', workload(1000, 2, affinity('NotIn')), [ecs, eci], undefined, [4000, 'SmallestNodePool', true, []]],
  ])('%s', (_name, spec, pools, ew, [ordinary, reason, reachable, virtual]) => {
    const caps = calculateCpuCaps(spec, LOAD, pools, ew);
    expect(caps.ordinary).toEqual({ cpuCapMillicores: ordinary, reason });
    expect(caps.ordinaryReachable).toBe(reachable);
    expect([...caps.byVirtualPool].map(([pool, cap]) => [pool, cap.cpuCapMillicores, cap.reason])).toEqual(virtual);
  });
});

describe('CapacityClasses.of', () => {
  it.each<[string, WorkloadSpec, NodePoolSpec[], ElasticWorkloadSpec | undefined, number[] | undefined, number]>([
    ['one cap for all pods: no classes', workload(1000, 2), [ecs, taintedEci], undefined, undefined, 4000],
    ['pinned to ECI: its size alone, not the smaller ECS pool', workload(4000, 16, toEci), [smallEcs, eci], undefined, undefined, 4000],
    ['an ElasticWorkload split between ECS and ECI: ECS pods at 4 vCPU, ECI pods at 1 vCPU', workload(1000, 2), [ecs, taintedEci], elastic, [4000, 1000], 4000],
  ])('%s', (_name, spec, pools, ew, classes, cap) => {
    const split = CapacityClasses.of(LOAD_COSTING, calculateCpuCaps(spec, LOAD_COSTING, pools, ew));
    expect(split.classes?.capsMillicores).toEqual(classes);
    expect(split.capMillicores).toBe(cap);
  });

  it('gives a limited workload one class on ECS and ECI alike', () => {
    const split = CapacityClasses.of(LOAD_COSTING, calculateCpuCaps(workload(1000, 2, {}, 1500), LOAD_COSTING, [ecs, taintedEci], elastic));
    expect(split.classes).toBeUndefined();
    expect(split.capMillicores).toBe(1500);
  });
});
