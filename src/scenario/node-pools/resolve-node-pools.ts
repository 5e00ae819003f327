/**
 * `spec.nodePools` → NodePoolSpec[]: unique names; the bundled instance type's shape, max pods and
 * prices (explicit cpu/memory/maxPods override them); size bounds for the cluster-autoscaler
 * (minSize ≤ count ≤ maxSize, both defaulting to count); boot time; billing; virtual pools.
 */
import { findInstanceType, instanceTypeNames, type InstanceTypeEntry } from '../../cloud/prices/registry.js';
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { NodePoolInput } from '../schema/node-pool-schema.js';
import { NODE_POOL_DEFAULTS } from '../schema/scenario-defaults.js';
import type { NodePoolSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { resolveBilling } from './resolve-billing.js';
import { resolveVirtualPool } from './resolve-virtual-pool.js';
import { wellKnownNodeLabels } from './well-known-node-labels.js';

const GIB = 1024 ** 3;

/** One valid item of spec.nodePools with its index in the list (for field paths). */
export interface NodePoolItem {
  index: number;
  pool: NodePoolInput;
}

/** Resolves every pool that passed the schema; problems go to `sink` at `spec.nodePools[i].…`. */
export function resolveNodePools(items: readonly NodePoolItem[], ref: DocRef, sink: ProblemSink): NodePoolSpec[] {
  const seen = new Set<string>();
  const out: NodePoolSpec[] = [];
  for (const { index, pool } of items) {
    const path: FieldPath = ['spec', 'nodePools', index];
    if (seen.has(pool.name)) sink.error(ref.problem([...path, 'name'], `duplicate node pool name "${pool.name}"`));
    seen.add(pool.name);
    const spec = pool.virtual ? resolveVirtualPool(pool, pool.virtual, path, ref, sink) : resolvePool(pool, path, ref, sink);
    if (spec) out.push(spec);
  }
  return out;
}

function resolvePool(pool: NodePoolInput, path: FieldPath, ref: DocRef, sink: ProblemSink): NodePoolSpec | undefined {
  const errorsBefore = sink.problems.length;
  const type = pool.instanceType === undefined ? undefined : findInstanceType(pool.instanceType);
  const typeUnknown = pool.instanceType !== undefined && type === undefined;
  if (typeUnknown) {
    const name = pool.instanceType as string;
    const close = suggestionHint(name, instanceTypeNames(), 'instance types');
    sink.error(ref.problem([...path, 'instanceType'], `unknown instance type "${name}": it is not in the bundled price tables`, close?.startsWith('did you mean') ? close : `${close ?? 'no bundled instance types'}; or drop instanceType and give cpu, memory and billing yourself`));
  }
  const cpuMillicores = pool.cpu ?? (type ? type.vcpu * 1000 : undefined);
  const memoryBytes = pool.memory ?? (type ? type.memoryGiB * GIB : undefined);
  if (!typeUnknown) requireShape(pool, cpuMillicores, memoryBytes, path, ref, sink);
  const sizes = resolveSizes(pool, path, ref, sink);
  const bootSeconds = pool.bootTime ?? NODE_POOL_DEFAULTS.bootSeconds;
  if (bootSeconds.min > bootSeconds.max) {
    sink.error(ref.problem([...path, 'bootTime', 'max'], `bootTime max (${bootSeconds.max} s) is below min (${bootSeconds.min} s)`, 'write {min, max} with min ≤ max'));
  }
  const billing = pool.billing ? resolveBilling(pool.billing, type, typeUnknown, [...path, 'billing'], ref, sink) : undefined;
  if (type && !pool.billing) warnUnpriced(type, path, ref, sink);
  if (!sizes || cpuMillicores === undefined || memoryBytes === undefined || sink.problems.length > errorsBefore) return undefined;
  return {
    name: pool.name,
    count: sizes.count,
    cpuMillicores,
    memoryBytes,
    maxPods: pool.maxPods ?? type?.maxPods ?? NODE_POOL_DEFAULTS.maxPods,
    labels: wellKnownNodeLabels(pool.labels, pool.instanceType),
    taints: pool.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect })),
    minSize: sizes.minSize,
    maxSize: sizes.maxSize,
    ...(pool.instanceType !== undefined ? { instanceType: pool.instanceType } : {}),
    ...(billing ? { billing } : {}),
    bootSeconds: { min: bootSeconds.min, max: bootSeconds.max },
    ...(pool.expanderPriority !== undefined ? { expanderPriority: pool.expanderPriority } : {}),
  };
}

function requireShape(pool: NodePoolInput, cpu: number | undefined, memory: number | undefined, path: FieldPath, ref: DocRef, sink: ProblemSink): void {
  const hint = 'or name an instanceType from the bundled price tables (e.g. m5.xlarge) to take its shape';
  if (cpu === undefined) sink.error(ref.problem([...path, 'cpu'], 'required field is missing; expected the allocatable cpu of one node, a quantity such as 250m, 0.5 or 4 (cores)', hint));
  if (memory === undefined) sink.error(ref.problem([...path, 'memory'], 'required field is missing; expected the allocatable memory of one node, a quantity such as 16Gi', hint));
}

/** count (default minSize), minSize and maxSize (default count), with minSize ≤ count ≤ maxSize. */
function resolveSizes(pool: NodePoolInput, path: FieldPath, ref: DocRef, sink: ProblemSink): { count: number; minSize: number; maxSize: number } | undefined {
  const count = pool.count ?? pool.minSize;
  if (count === undefined) {
    sink.error(ref.problem([...path, 'count'], 'required field is missing; expected an integer ≥ 0 (nodes at t = 0)', 'set count, or minSize (count defaults to it)'));
    return undefined;
  }
  const minSize = pool.minSize ?? count;
  const maxSize = pool.maxSize ?? count;
  if (pool.minSize !== undefined && pool.maxSize !== undefined && minSize > maxSize) {
    sink.error(ref.problem([...path, 'minSize'], `minSize ${minSize} is greater than maxSize ${maxSize}`, 'the cluster-autoscaler keeps a group between minSize and maxSize nodes: write minSize ≤ maxSize'));
    return undefined;
  }
  if (count < minSize || count > maxSize) {
    const bound = count < minSize ? `below minSize ${minSize}` : `above maxSize ${maxSize}`;
    sink.error(ref.problem([...path, 'count'], `count ${count} (nodes at t = 0) is ${bound}`, `write minSize ≤ count ≤ maxSize (both default to count)`));
    return undefined;
  }
  return { count, minSize, maxSize };
}

function warnUnpriced(type: InstanceTypeEntry, path: FieldPath, ref: DocRef, sink: ProblemSink): void {
  const kinds = type.prices.map((p) => p.kind).join(', ');
  sink.warn(ref.warning([...path, 'instanceType'], `${type.name} has bundled prices (${kinds}) but the pool sets no billing: its cost is reported as unknown`, `add billing: {kind: ${type.prices[0]?.kind ?? 'onDemand'}} to use the bundled price`));
}
