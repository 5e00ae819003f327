/**
 * The least-nodes expander (expander/leastnodes/leastnodes.go): keeps the options that add the
 * fewest nodes; options of zero nodes are ignored.
 */
import type { ExpanderDefinition, ExpanderFilter } from './expander.js';
import { keepLowest } from './expander.js';

export const LEAST_NODES_EXPANDER_NAME = 'least-nodes';

const leastNodes: ExpanderFilter = {
  name: LEAST_NODES_EXPANDER_NAME,
  singleResult: false,
  bestOptions: (options) => keepLowest(options, (o) => (o.nodeCount === 0 ? undefined : o.nodeCount)),
};

export const leastNodesExpander: ExpanderDefinition = { name: LEAST_NODES_EXPANDER_NAME, singleResult: false, create: () => leastNodes };
