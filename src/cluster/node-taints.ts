/**
 * A node's taint put on or taken off, and what the change means to the scheduler's waiting pods:
 * taking off a filtering taint (NoSchedule, NoExecute; TaintToleration's Filter) lets them try
 * again, and putting one on or taking it off moves PodTopologySpread's counts under
 * nodeTaintsPolicy Honor. A PreferNoSchedule taint only scores (TaintToleration's Score; Honor's
 * DoNotScheduleTaintsFilterFunc leaves it out), so changing it asks for neither.
 */
import type { Taint } from '../scenario/types.js';
import type { SimNode } from './model.js';

export interface TaintChange {
  /** A filtering taint came off: pending pods may fit the node now. */
  relaxes: boolean;
  /** A filtering taint came or went: the spread counts under Honor may move. */
  movesSpread: boolean;
  /** The taint came or went. */
  changed: boolean;
}

/** Puts `taint` on `node` (on) or takes it off (matched by key and effect), and says what changed. */
export function applyTaint(node: SimNode, taint: Taint, on: boolean): TaintChange {
  const has = node.taints.findIndex((t) => t.key === taint.key && t.effect === taint.effect);
  const filters = taint.effect !== 'PreferNoSchedule';
  if (on && has < 0) node.taints = [...node.taints, taint];
  if (!on && has >= 0) node.taints = node.taints.filter((_, i) => i !== has);
  const changed = on !== has >= 0;
  return { relaxes: filters && changed && !on, movesSpread: filters && changed, changed };
}
