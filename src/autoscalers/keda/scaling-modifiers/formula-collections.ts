/**
 * The expr-lang collection builtins a scalingModifiers formula may call (github.com/expr-lang/expr
 * builtin package, as KEDA's docs use them: `count([a, b, c], {# > 1}) > 1 ? 5 : 0`): all, any,
 * none, one, count, filter, map, sum and len, each over an array with an optional closure whose `#`
 * is the element. What each takes and returns (for formula-types.ts), and how it evaluates.
 */
import type { FormulaValue } from './formula-node.js';

export type CollectionName = 'all' | 'any' | 'none' | 'one' | 'count' | 'filter' | 'map' | 'sum' | 'len';

/** What the closure must return ('predicate': a bool), whether it is required, and the result's type. */
export interface CollectionSpec {
  closure: 'predicate' | 'mapper' | 'none';
  closureRequired: boolean;
  result: 'bool' | 'int' | 'array' | 'number';
}

export const COLLECTIONS: Readonly<Record<CollectionName, CollectionSpec>> = Object.freeze({
  all: { closure: 'predicate', closureRequired: true, result: 'bool' },
  any: { closure: 'predicate', closureRequired: true, result: 'bool' },
  none: { closure: 'predicate', closureRequired: true, result: 'bool' },
  one: { closure: 'predicate', closureRequired: true, result: 'bool' },
  // count(array) counts the true elements; count(array, predicate) those the predicate holds for.
  count: { closure: 'predicate', closureRequired: false, result: 'int' },
  filter: { closure: 'predicate', closureRequired: true, result: 'array' },
  map: { closure: 'mapper', closureRequired: true, result: 'array' },
  // sum(array) or sum(array, mapper).
  sum: { closure: 'mapper', closureRequired: false, result: 'number' },
  len: { closure: 'none', closureRequired: false, result: 'int' },
});

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

/**
 * The builtin over `items`, with `apply` giving the closure's value for an element (the element
 * itself without a closure). A closure value of the wrong type (a nil element compared, say) makes
 * the result nil, as expr-lang's run-time error fails the read.
 */
export function applyCollection(name: CollectionName, items: readonly FormulaValue[], apply: (item: FormulaValue) => FormulaValue): FormulaValue {
  if (name === 'len') return items.length;
  if (name === 'map') return items.map(apply);
  if (name === 'sum') {
    let total = 0;
    for (const item of items) {
      const value = apply(item);
      if (typeof value !== 'number') return null;
      total += value;
    }
    return total;
  }
  const kept: FormulaValue[] = [];
  for (const item of items) {
    const verdict = apply(item);
    if (typeof verdict !== 'boolean') return null;
    if (verdict) kept.push(item);
  }
  switch (name) {
    case 'all':
      return kept.length === items.length;
    case 'any':
      return kept.length > 0;
    case 'none':
      return kept.length === 0;
    case 'one':
      return kept.length === 1;
    case 'count':
      return kept.length;
    case 'filter':
      return kept;
  }
}
