/**
 * The expander contract (expander/expander.go): an expansion Option per node group, a Filter that
 * keeps the equally best options, and a Strategy, a filter that always returns at most one option.
 */
import type { RandomStream } from '../../../core/rng.js';
import type { CaNodeGroup, CaPod } from '../types.js';

/** One way to scale up (expander.Option): add `nodeCount` nodes to `group` to run `pods`. */
export interface ExpansionOption {
  group: string;
  nodeCount: number;
  /** Names of the pending pods the new nodes would run. */
  pods: string[];
  debug?: string;
}

/** What the expanders may look at besides the options (upstream: nodeInfos and the cloud provider). */
export interface ExpanderContext {
  groups: ReadonlyMap<string, CaNodeGroup>;
  pods: ReadonlyMap<string, CaPod>;
  /** Nodes in the cluster now (the price expander's preferred node size depends on it). */
  clusterNodeCount: number;
}

export interface ExpanderFilter {
  readonly name: string;
  /** A Strategy: always returns at most one option, so nothing may follow it in a chain. */
  readonly singleResult: boolean;
  /** The best options, in input order; an empty list when none qualifies. */
  bestOptions(options: readonly ExpansionOption[], context: ExpanderContext): ExpansionOption[];
}

/** A registry entry: `--expander` name and a factory (the random ones draw from `random`). */
export interface ExpanderDefinition {
  readonly name: string;
  /** True for a Strategy (see ExpanderFilter.singleResult). */
  readonly singleResult: boolean;
  create(random: RandomStream): ExpanderFilter;
}

/** Keeps the options with the lowest score (ties kept, input order); options scored undefined are dropped. */
export function keepLowest(options: readonly ExpansionOption[], score: (o: ExpansionOption) => number | undefined): ExpansionOption[] {
  let best: ExpansionOption[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const option of options) {
    const s = score(option);
    if (s === undefined) continue;
    if (s < bestScore || best.length === 0) {
      bestScore = s;
      best = [option];
    } else if (s === bestScore) best.push(option);
  }
  return best;
}
