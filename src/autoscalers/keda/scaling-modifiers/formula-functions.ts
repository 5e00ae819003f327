/**
 * The expr-lang builtins a scalingModifiers formula may call (github.com/expr-lang/expr builtin
 * package): min, max, abs, ceil, floor, round. Any other name is a compile error.
 */
import { goRound } from '../../../units/go-numbers.js';

export interface FormulaFunction {
  /** Smallest and largest argument count. */
  minArgs: number;
  maxArgs: number;
  apply(args: number[]): number;
}

const unary = (fn: (x: number) => number): FormulaFunction => ({ minArgs: 1, maxArgs: 1, apply: (args) => fn(args[0] ?? Number.NaN) });

export const FORMULA_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = Object.freeze({
  min: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, apply: (args) => Math.min(...args) },
  max: { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, apply: (args) => Math.max(...args) },
  abs: unary(Math.abs),
  ceil: unary(Math.ceil),
  floor: unary(Math.floor),
  round: unary(goRound),
});

/** The builtin called `name`, or undefined (own properties only: `constructor` is not a function here). */
export function findFormulaFunction(name: string): FormulaFunction | undefined {
  return Object.hasOwn(FORMULA_FUNCTIONS, name) ? FORMULA_FUNCTIONS[name] : undefined;
}
