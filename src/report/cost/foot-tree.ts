/**
 * Printing a table whose rows add up (pools → their class → the total) so that the printed rows
 * add up too: the top row is rounded, and each row's printed value is split over the rows it adds
 * up by the largest-remainder method (src/units/apportion.ts). So the printed classes sum to the
 * printed total to the cent, each printed value is within one unit of the last decimal of its
 * exact value, and the total is its exact value rounded (halves away from zero).
 */
import { apportionScaled } from '../../units/apportion.js';
import { exactFraction, exactRoundScaled, exactSum, exactToFixed, type ExactAmount } from '../../units/exact-amount.js';

/** A row and the rows it adds up (none for a leaf). */
export interface FootNode<T> {
  row: T;
  children: readonly FootNode<T>[];
}

/**
 * The printed value of every row that has one, with `decimals` decimals ("322.19"). `value` gives
 * a row's exact value, undefined when it has none. A row whose children all have values is taken
 * as their exact sum (what it is for exact money; for sums of floats, the sum of what the parts
 * are) and split over them; a row without a value leaves each child to round on its own, as the
 * top of its own table.
 */
export function footTree<T>(root: FootNode<T>, value: (row: T) => ExactAmount | undefined, decimals: number): Map<T, string> {
  const quotas = new Map<FootNode<T>, ExactAmount | undefined>();
  const quotaOf = (node: FootNode<T>): ExactAmount | undefined => {
    const own = value(node.row);
    const parts = node.children.map(quotaOf);
    const quota = own === undefined ? undefined : parts.length > 0 && allDefined(parts) ? exactSum(parts) : own;
    quotas.set(node, quota);
    return quota;
  };
  quotaOf(root);
  const printed = new Map<T, string>();
  const unit = 10n ** BigInt(decimals);
  const assign = (node: FootNode<T>, scaled: bigint | undefined): void => {
    if (scaled !== undefined) printed.set(node.row, exactToFixed(exactFraction(scaled, unit), decimals));
    const parts = node.children.map((c) => quotas.get(c));
    if (scaled !== undefined && parts.length > 0 && allDefined(parts)) {
      apportionScaled(scaled, parts, decimals).forEach((v, i) => assign(node.children[i]!, v));
      return;
    }
    node.children.forEach((child, i) => {
      const quota = parts[i];
      assign(child, quota === undefined ? undefined : exactRoundScaled(quota, decimals));
    });
  };
  const top = quotas.get(root);
  assign(root, top === undefined ? undefined : exactRoundScaled(top, decimals));
  return printed;
}

/** The cost report's rows as a tree: the total over its capacity classes, each class over its pools. */
export function classPoolTree<R extends { capacityClass?: string }>(total: R, classes: readonly R[], pools: readonly R[]): FootNode<R> {
  return {
    row: total,
    children: classes.map((c) => ({ row: c, children: pools.filter((p) => p.capacityClass === c.capacityClass).map((p) => ({ row: p, children: [] })) })),
  };
}

function allDefined<T>(values: readonly (T | undefined)[]): values is T[] {
  return values.every((v) => v !== undefined);
}
