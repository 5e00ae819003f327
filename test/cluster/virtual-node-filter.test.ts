/**
 * The scheduler's filter on a virtual node (ECI): besides the usual filters, a pod no valid pod
 * size covers is refused (NoVirtualPodSize) and stays Pending, as validate warns.
 */
import { describe, expect, it } from 'vitest';
import { filterNode } from '../../src/cluster/scheduling-filter.js';
import { cpuTakenMillicores } from '../../src/cluster/virtual-quota.js';
import { VIRTUAL_NODE_CAPACITY } from '../../src/scenario/schema/scenario-defaults.js';
import { makeNode, makePod, makePool } from '../helpers/builders.js';
import { ECI_PRICING, GIB } from '../report/cost/cost-fixtures.js';

const STARTUP = { sandboxSeconds: 8, imagePullSeconds: 50, cachedImagePullSeconds: 3, imageCache: true, containerStartSeconds: 2 };
const eciNode = makeNode({
  pool: makePool({ name: 'eci', virtual: { provider: 'eci', pricing: ECI_PRICING, startup: STARTUP, stockOuts: [] } }),
  cpuAllocatableMillicores: VIRTUAL_NODE_CAPACITY.cpuMillicores,
  memoryAllocatableBytes: VIRTUAL_NODE_CAPACITY.memoryBytes,
});

describe('filterNode on an ECI virtual node', () => {
  it.each([
    ['takes a pod the largest size covers', 4000, 32 * GIB, 'Fits'],
    ['refuses a pod with more vCPU than any size', 100_000, 200 * GIB, 'NoVirtualPodSize'],
    ['refuses a pod with more memory than any size', 1000, 64 * GIB, 'NoVirtualPodSize'],
  ])('%s', (_name, cpuRequestMillicores, memoryRequestBytes, expected) => {
    expect(filterNode(makePod({ cpuRequestMillicores, memoryRequestBytes }), eciNode)).toBe(expected);
  });

  it('leaves ordinary nodes to NodeResourcesFit alone', () => {
    expect(filterNode(makePod({ cpuRequestMillicores: 3000, memoryRequestBytes: 15 * GIB }), makeNode())).toBe('Fits');
  });
});

describe('the vCPU quota of a virtual node counts the size each pod runs as', () => {
  const quotaNode = () =>
    makeNode({
      pool: makePool({ name: 'eci', virtual: { provider: 'eci', pricing: { ...ECI_PRICING, noRequestsDefault: { cpuMillicores: 2000, memoryBytes: 4 * GIB } }, startup: STARTUP, stockOuts: [] } }),
      cpuAllocatableMillicores: 4000,
      memoryAllocatableBytes: VIRTUAL_NODE_CAPACITY.memoryBytes,
    });

  it('a pod with no requests takes 2 vCPU of a 4-vCPU quota: a third does not fit', () => {
    const node = quotaNode();
    expect(cpuTakenMillicores(makePod({ cpuRequestMillicores: 0, memoryRequestBytes: 0 }), node)).toBe(2000);
    node.cpuRequestedMillicores = 4000;
    expect(filterNode(makePod({ cpuRequestMillicores: 0, memoryRequestBytes: 0 }), node)).toBe('InsufficientCpu');
  });

  it('a 300m pod takes the 0.25 vCPU size rounded up to its covering size, not its request', () => {
    expect(cpuTakenMillicores(makePod({ cpuRequestMillicores: 300, memoryRequestBytes: GIB }), quotaNode())).toBe(500);
  });

  it('on an ordinary node a pod takes its request', () => {
    expect(cpuTakenMillicores(makePod({ cpuRequestMillicores: 300, memoryRequestBytes: GIB }), makeNode())).toBe(300);
  });
});
