/**
 * calculateCpuCap: the most CPU a serving pod can use — its CPU limit, else the smallest node pool's
 * CPU or, on a virtual pool its pods can be placed on, the vCPU of the ECI size it is billed at.
 */
import { describe, expect, it } from 'vitest';
import type { VirtualPoolSettings } from '../../src/cloud/types.js';
import { calculateCpuCap } from '../../src/engine/capacity.js';
import type { ElasticWorkloadSpec, LoadModelSpec, PodTemplateSpec, WorkloadSpec } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';
import { ECI_PRICING, GIB } from '../report/cost/cost-fixtures.js';

const LOAD = { container: undefined } as unknown as LoadModelSpec;
const STARTUP = { sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, imageCache: true, containerStartSeconds: 2 };
const ECI: VirtualPoolSettings = { provider: 'eci', pricing: { ...ECI_PRICING, noRequestsDefault: { cpuMillicores: 2000, memoryBytes: 4 * GIB } }, startup: STARTUP, stockOuts: [] };
const TAINT = { key: 'virtual-kubelet.io/provider', value: 'alibabacloud', effect: 'NoSchedule' as const };
const ecs = makePool({ name: 'ecs', cpuMillicores: 4000 });
const eci = makePool({ name: 'eci', cpuMillicores: 1_000_000_000, labels: { type: 'virtual-kubelet' }, virtual: ECI });
const taintedEci = { ...eci, taints: [TAINT] };

function workload(cpu: number, memoryGib: number, over: Partial<PodTemplateSpec> = {}, limitMillicores?: number): WorkloadSpec {
  const template = makeTemplate({
    containers: [{ name: 'web', cpuRequestMillicores: cpu, memoryRequestBytes: memoryGib * GIB, ...(limitMillicores !== undefined ? { cpuLimitMillicores: limitMillicores } : {}), sidecar: false }],
    ...over,
  });
  return { name: 'web', template } as unknown as WorkloadSpec;
}

const toEci = { nodeSelector: { type: 'virtual-kubelet' } };
const elastic = {
  elasticUnits: [{ name: 'vk', labels: {}, annotations: {}, nodeSelector: { type: 'virtual-kubelet' }, tolerations: [{ key: TAINT.key, operator: 'Exists' }] }],
} as unknown as ElasticWorkloadSpec;

describe('calculateCpuCap', () => {
  it.each([
    ['a CPU limit wins', workload(1000, 2, toEci, 3000), [ecs, eci], undefined, 3000, 'CpuLimit'],
    ['no limit, node pools only: the smallest pool', workload(1000, 2), [ecs, makePool({ name: 'big', cpuMillicores: 16000 })], undefined, 4000, 'SmallestNodePool'],
    ['no limit, pinned to ECI: the 1 vCPU size it is billed at', workload(1000, 2, toEci), [ecs, eci], undefined, 1000, 'VirtualPodSize'],
    ['no limit, 1.5 vCPU on ECI: rounded up to 2 vCPU', workload(1500, 3, toEci), [eci], undefined, 2000, 'VirtualPodSize'],
    ['no requests on ECI: the 2 vCPU default size', workload(0, 0, toEci), [eci], undefined, 2000, 'VirtualPodSize'],
    ['an ECI pool the pods cannot reach (taint) does not count', workload(1000, 2), [ecs, taintedEci], undefined, 4000, 'SmallestNodePool'],
    ['an ElasticWorkload unit that tolerates and selects it does', workload(1000, 2), [ecs, taintedEci], elastic, 1000, 'VirtualPodSize'],
    ['an ECI size larger than the smallest node pool leaves the node pool cap', workload(8000, 16, toEci), [ecs, eci], undefined, 4000, 'SmallestNodePool'],
  ])('%s', (_name, spec, pools, ew, cap, reason) => {
    expect(calculateCpuCap(spec, LOAD, pools, ew)).toEqual({ cpuCapMillicores: cap, reason });
  });
});
