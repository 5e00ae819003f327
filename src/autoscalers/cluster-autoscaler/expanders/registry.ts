/**
 * Registry of expanders by `--expander` name (expander/factory/expander_factory.go): one file per
 * expander, one entry here. grpc is not simulated.
 */
import type { ExpanderDefinition } from './expander.js';
import { leastNodesExpander } from './least-nodes.js';
import { leastWasteExpander } from './least-waste.js';
import { mostPodsExpander } from './most-pods.js';
import { priceExpander } from './price.js';
import { priorityExpander } from './priority.js';
import { randomExpander } from './random.js';

const EXPANDERS: ReadonlyMap<string, ExpanderDefinition> = new Map(
  [randomExpander, mostPodsExpander, leastWasteExpander, leastNodesExpander, priceExpander, priorityExpander].map((e) => [e.name, e]),
);

/** The expander named `name`, or undefined when not supported. */
export function findExpander(name: string): ExpanderDefinition | undefined {
  return EXPANDERS.get(name);
}

/** Every supported expander name, sorted (for "expected one of …" messages). */
export function expanderNames(): string[] {
  return [...EXPANDERS.keys()].sort();
}
