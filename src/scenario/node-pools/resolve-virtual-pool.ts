/**
 * A virtual-kubelet pool (`spec.nodePools[].virtual`: Alibaba ECI, Azure ACI, AWS Fargate) →
 * NodePoolSpec: one node whose allocatable is VIRTUAL_NODE_CAPACITY (finite sentinels for "no
 * practical capacity"; virtual.maxPods becomes its max pods), billed per pod from a bundled table or
 * explicit prices, with start-up delays, quotas and stock-out windows.
 */
import { ECI_NO_REQUESTS_DEFAULT } from '../../cloud/prices/alibaba-eci-cn.js';
import { findVirtualPricing, virtualPricingVariants } from '../../cloud/prices/registry.js';
import type { VirtualPodSize, VirtualPricing, VirtualProvider, VirtualStartup } from '../../cloud/types.js';
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { NodePoolInput } from '../schema/node-pool-schema.js';
import { VIRTUAL_NODE_CAPACITY, VIRTUAL_POOL_DEFAULTS } from '../schema/scenario-defaults.js';
import type { ExplicitVirtualPricingInput, VirtualPoolInput } from '../schema/virtual-pool-schema.js';
import type { NodePoolSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { wellKnownNodeLabels } from './well-known-node-labels.js';

/** Fields of a node pool that a virtual pool must not set, and what to use instead. */
const NOT_FOR_VIRTUAL: readonly (readonly [keyof NodePoolInput, string])[] = [
  ['instanceType', 'a virtual pool has no instance type; remove it'],
  ['cpu', 'a virtual node has no fixed capacity; set virtual.maxCpu for a vCPU quota'],
  ['memory', 'a virtual node has no fixed capacity; remove memory'],
  ['maxPods', 'set virtual.maxPods for a pod quota'],
  ['billing', 'a virtual pool is billed per pod: set virtual.pricing'],
  ['bootTime', 'the virtual node exists from t = 0; set virtual.startup for pod start-up'],
];

export function resolveVirtualPool(pool: NodePoolInput, virtual: VirtualPoolInput, path: FieldPath, ref: DocRef, sink: ProblemSink): NodePoolSpec | undefined {
  const errorsBefore = sink.problems.length;
  for (const field of ['count', 'minSize', 'maxSize'] as const) {
    const value = pool[field];
    if (value !== undefined && value !== 1) {
      sink.error(ref.problem([...path, field], `a virtual pool is one node: ${field} must be 1 or unset, got ${value}`, 'the provider runs any number of pods on it; use virtual.maxPods for a quota'));
    }
  }
  for (const [field, hint] of NOT_FOR_VIRTUAL) {
    if (pool[field] !== undefined) sink.error(ref.problem([...path, field], `${field} does not apply to a virtual pool`, hint));
  }
  const at: FieldPath = [...path, 'virtual'];
  const pricing = resolveVirtualPricing(virtual.provider, virtual.pricing, [...at, 'pricing'], ref, sink);
  checkStockOuts(virtual, at, ref, sink);
  if (!pricing || sink.problems.length > errorsBefore) return undefined;
  return {
    name: pool.name,
    count: 1,
    cpuMillicores: VIRTUAL_NODE_CAPACITY.cpuMillicores,
    memoryBytes: VIRTUAL_NODE_CAPACITY.memoryBytes,
    maxPods: virtual.maxPods ?? VIRTUAL_NODE_CAPACITY.maxPods,
    labels: wellKnownNodeLabels(pool.labels),
    taints: pool.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect })),
    minSize: 1,
    maxSize: 1,
    bootSeconds: { min: 0, max: 0 },
    ...(pool.expanderPriority !== undefined ? { expanderPriority: pool.expanderPriority } : {}),
    virtual: {
      provider: virtual.provider,
      pricing,
      startup: resolveStartup(virtual),
      ...(virtual.maxPods !== undefined ? { maxPods: virtual.maxPods } : {}),
      ...(virtual.maxCpu !== undefined ? { maxCpuMillicores: virtual.maxCpu } : {}),
      stockOuts: virtual.stockOuts.map((s) => ({ fromSeconds: s.from, toSeconds: s.to })),
    },
  };
}

/** virtual.startup and imageCache over VIRTUAL_POOL_DEFAULTS. */
function resolveStartup(virtual: VirtualPoolInput): VirtualStartup {
  const startup = virtual.startup ?? {};
  const defaults = VIRTUAL_POOL_DEFAULTS.startup;
  return {
    sandboxSeconds: startup.sandbox ?? defaults.sandboxSeconds,
    imagePullSeconds: startup.imagePull ?? defaults.imagePullSeconds,
    cachedImagePullSeconds: startup.cachedImagePull ?? defaults.cachedImagePullSeconds,
    imageCache: virtual.imageCache ?? VIRTUAL_POOL_DEFAULTS.imageCache,
    containerStartSeconds: startup.containerStart ?? defaults.containerStartSeconds,
  };
}

/** "default" or a variant name → the bundled table; an explicit pricing → its values (sizes sorted). */
function resolveVirtualPricing(
  provider: VirtualProvider,
  pricing: string | ExplicitVirtualPricingInput,
  path: FieldPath,
  ref: DocRef,
  sink: ProblemSink,
): VirtualPricing | undefined {
  if (typeof pricing !== 'string') return explicitPricing(provider, pricing);
  const entry = findVirtualPricing(provider, pricing === 'default' ? undefined : pricing);
  if (entry) return entry.pricing;
  const variants = virtualPricingVariants(provider);
  const explicitHint = 'give pricing: {currency, pricePerVcpuSecond, pricePerGibSecond, sizes: [{cpu, memory}, …]}';
  if (variants.length === 0) {
    sink.error(ref.problem(path, `${provider} has no bundled price table (no published per-second price could be verified; see src/cloud/prices/README.md)`, explicitHint));
  } else {
    const close = suggestionHint(pricing, ['default', ...variants], 'pricings');
    sink.error(ref.problem(path, `no bundled ${provider} pricing "${pricing}"; bundled: default, ${variants.join(', ')}`, close?.startsWith('did you mean') ? close : explicitHint));
  }
  return undefined;
}

/** Explicit prices and sizes; an ECI pool keeps ECI's size for a pod without requests (2 vCPU + 4 GiB, rounded up to the sizes given). */
function explicitPricing(provider: VirtualProvider, input: ExplicitVirtualPricingInput): VirtualPricing {
  const sizes: VirtualPodSize[] = input.sizes
    .map((s) => ({ cpuMillicores: s.cpu, memoryBytes: s.memory }))
    .sort((a, b) => a.cpuMillicores - b.cpuMillicores || a.memoryBytes - b.memoryBytes);
  return {
    currency: input.currency,
    pricePerVcpuSecond: input.pricePerVcpuSecond,
    pricePerGibSecond: input.pricePerGibSecond,
    minimumSeconds: input.minimum ?? 0,
    memoryOverheadBytes: input.memoryOverhead ?? 0,
    sizes,
    ...(provider === 'eci' ? { noRequestsDefault: ECI_NO_REQUESTS_DEFAULT } : {}),
    source: 'scenario',
  };
}

function checkStockOuts(virtual: VirtualPoolInput, path: FieldPath, ref: DocRef, sink: ProblemSink): void {
  virtual.stockOuts.forEach((window, i) => {
    if (window.from < window.to) return;
    sink.error(ref.problem([...path, 'stockOuts', i, 'to'], `a stock-out must end after it starts: from ${window.from} s, to ${window.to} s`, 'write from < to, as durations since t = 0'));
  });
}
