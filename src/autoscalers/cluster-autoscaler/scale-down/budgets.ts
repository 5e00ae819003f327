/**
 * Scale-down parallelism (core/scaledown/budgets/budgets.go ScaleDownBudgetProcessor.CropNodes,
 * individually scaled groups): deletions in flight use the budgets first; empty nodes take up to
 * max-scale-down-parallelism, then nodes that need a drain take up to
 * min(what is left of it, max-drain-parallelism − drains in flight). Nodes are taken group by group,
 * groups in order of first appearance.
 */

export interface BudgetInput<T extends { group: string }> {
  empty: readonly T[];
  drain: readonly T[];
  /** --max-scale-down-parallelism */
  maxScaleDownParallelism: number;
  /** --max-drain-parallelism */
  maxDrainParallelism: number;
  /** Node deletions still in progress (empty and drained). */
  deletionsInProgress: number;
  /** Of those, deletions that drain pods. */
  drainsInProgress: number;
}

export interface BudgetResult<T> {
  empty: T[];
  drain: T[];
  /** Removable now but over the budget: they stay unneeded and are considered next loop. */
  deferred: T[];
}

function byGroup<T extends { group: string }>(items: readonly T[]): T[] {
  const order: string[] = [];
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const bucket = buckets.get(item.group);
    if (bucket === undefined) {
      order.push(item.group);
      buckets.set(item.group, [item]);
    } else bucket.push(item);
  }
  return order.flatMap((g) => buckets.get(g) ?? []);
}

/** CropNodes: which removable nodes are deleted this loop. */
export function cropToBudgets<T extends { group: string }>(input: BudgetInput<T>): BudgetResult<T> {
  let parallelism = Math.max(0, input.maxScaleDownParallelism - input.deletionsInProgress);
  const drainBudget = Math.max(0, input.maxDrainParallelism - input.drainsInProgress);
  const empty = byGroup(input.empty);
  const takenEmpty = empty.slice(0, parallelism);
  parallelism -= takenEmpty.length;
  const drain = byGroup(input.drain);
  const takenDrain = drain.slice(0, Math.min(parallelism, drainBudget));
  return { empty: takenEmpty, drain: takenDrain, deferred: [...empty.slice(takenEmpty.length), ...drain.slice(takenDrain.length)] };
}
