/**
 * The effective pod request (component-helpers resource.PodRequests, KEP-753): max(app containers +
 * sidecars, the largest plain init container + the sidecars started before it), pod-level requests
 * first; the HPA's request (replica_calculator.go calculatePodRequests) leaves plain init containers out.
 */
import { describe, expect, it } from 'vitest';
import { hpaRequestMilli, templateNonZeroRequests, templateRequests } from '../../src/cluster/pod-requests.js';
import type { ContainerSpec } from '../../src/scenario/types.js';
import { makeTemplate } from '../helpers/builders.js';

const app = (cpu: number, name = 'app'): ContainerSpec => ({ name, cpuRequestMillicores: cpu, memoryRequestBytes: cpu * 1000, sidecar: false });
const init = (cpu: number | undefined, name = 'init'): ContainerSpec => ({
  name,
  ...(cpu !== undefined ? { cpuRequestMillicores: cpu, memoryRequestBytes: cpu * 1000 } : {}),
  sidecar: false,
});
const sidecar = (cpu: number, name = 'proxy'): ContainerSpec => ({ name, cpuRequestMillicores: cpu, memoryRequestBytes: cpu * 1000, sidecar: true });

describe('templateRequests (effective pod request)', () => {
  it.each([
    ['app containers only: their sum', [app(250), app(100, 'b')], [], 350],
    ['an init container larger than the apps wins', [app(250)], [init(4000)], 4000],
    ['an init container smaller than the apps is hidden', [app(250)], [init(100)], 250],
    ['the largest of several init containers', [app(250)], [init(300, 'i1'), init(700, 'i2'), init(500, 'i3')], 700],
    ['an init container without requests counts 0', [app(250)], [init(undefined)], 250],
    ['sidecars add to the apps', [app(250)], [sidecar(50)], 300],
    ['a sidecar started before an init container adds to it', [app(250)], [sidecar(100), init(400)], 500],
    ['a sidecar started after an init container does not', [app(250)], [init(400), sidecar(100)], 400],
    ['sidecars before and after: apps + all sidecars vs init + earlier sidecars', [app(100)], [sidecar(200, 's1'), init(300), sidecar(500, 's2')], 800],
  ])('%s', (_name, containers, initContainers, expectedCpuMillicores) => {
    const template = makeTemplate({
      containers,
      initContainers,
      sidecars: initContainers.filter((c) => c.sidecar),
      initContainerCount: initContainers.filter((c) => !c.sidecar).length,
    });
    expect(templateRequests(template)).toEqual({ cpuMillicores: expectedCpuMillicores, memoryBytes: expectedCpuMillicores * 1000 });
  });

  it('pod-level requests replace the container sum, resource by resource', () => {
    const template = makeTemplate({ containers: [app(250)], initContainers: [init(4000)], initContainerCount: 1, podCpuRequestMillicores: 1000 });
    expect(templateRequests(template)).toEqual({ cpuMillicores: 1000, memoryBytes: 4_000_000 });
  });
});

describe('hpaRequestMilli', () => {
  it('sums app containers and sidecars; a plain init container does not count, however large', () => {
    const template = makeTemplate({ containers: [app(250)], initContainers: [init(4000), sidecar(50)], sidecars: [sidecar(50)], initContainerCount: 1 });
    expect(hpaRequestMilli(template, 'cpu')).toBe(300);
  });

  // replica_calculator.go: with pod-level requests and no container named, calculatePodLevelRequests
  // takes resourcehelper.PodRequests (pod-level value, else the aggregate with init containers, plus overhead).
  it.each<[string, Parameters<typeof makeTemplate>[0], string, number | undefined]>([
    ['the pod-level request plus the RuntimeClass overhead', { podCpuRequestMillicores: 1000, overheadCpuMillicores: 250 }, 'cpu', 1250],
    ['a resource without a pod-level request: the aggregate with init containers', { podMemoryRequestBytes: 1000, containers: [app(250)], initContainers: [init(4000)], initContainerCount: 1 }, 'cpu', 4000],
    ['memory in milli-bytes', { podMemoryRequestBytes: 2048 }, 'memory', 2_048_000],
    ['no container, pod level or overhead sets it: missing', { podMemoryRequestBytes: 2048, containers: [{ name: 'a', sidecar: false }] }, 'cpu', undefined],
    ['without pod-level requests the overhead does not count', { containers: [app(250)], overheadCpuMillicores: 250 }, 'cpu', 250],
  ])('%s', (_name, over, resource, expected) => {
    expect(hpaRequestMilli(makeTemplate(over), resource)).toBe(expected);
  });
});

describe('templateNonZeroRequests (scoring requests, NonMissingContainerRequests)', () => {
  const MiB = 2 ** 20;
  it.each<[string, ContainerSpec[], ContainerSpec[], { cpuMillicores: number; memoryBytes: number }]>([
    ['a container without requests counts 100m / 200 MiB', [{ name: 'a', sidecar: false }], [], { cpuMillicores: 100, memoryBytes: 200 * MiB }],
    ['two such containers count twice', [{ name: 'a', sidecar: false }, { name: 'b', sidecar: false }], [], { cpuMillicores: 200, memoryBytes: 400 * MiB }],
    ['an explicit zero stays zero', [{ name: 'a', cpuRequestMillicores: 0, memoryRequestBytes: 0, sidecar: false }], [], { cpuMillicores: 0, memoryBytes: 0 }],
    ['set requests are kept, missing ones defaulted per resource', [{ name: 'a', cpuRequestMillicores: 250, sidecar: false }], [], { cpuMillicores: 250, memoryBytes: 200 * MiB }],
    ['an init container without requests is defaulted too', [app(50)], [init(undefined)], { cpuMillicores: 100, memoryBytes: 200 * MiB }],
  ])('%s', (_name, containers, initContainers, expected) => {
    expect(templateNonZeroRequests(makeTemplate({ containers, initContainers }))).toEqual(expected);
  });

  it('pod-level requests win', () => {
    const template = makeTemplate({ containers: [{ name: 'a', sidecar: false }], podCpuRequestMillicores: 500, podMemoryRequestBytes: MiB });
    expect(templateNonZeroRequests(template)).toEqual({ cpuMillicores: 500, memoryBytes: MiB });
  });
});
