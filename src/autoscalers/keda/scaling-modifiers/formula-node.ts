/**
 * The checked formula tree: what jsep's AST becomes once every node passed the whitelist (and
 * formula-types.ts's type check). Evaluation walks only this tree, so nothing outside it (members,
 * strings, unknown names) can ever run.
 */
import type { CollectionName } from './formula-collections.js';
import type { FormulaFunction } from './formula-functions.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';
export type LogicalOperator = '&&' | '||';

export type FormulaNode =
  /** `integer`: written without a point or exponent (expr-lang's int; else float64). */
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'trigger'; name: string }
  | { kind: 'negate'; argument: FormulaNode }
  | { kind: 'plus'; argument: FormulaNode }
  | { kind: 'not'; argument: FormulaNode }
  | { kind: 'arithmetic'; operator: ArithmeticOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'comparison'; operator: ComparisonOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'logical'; operator: LogicalOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'coalesce'; left: FormulaNode; right: FormulaNode }
  | { kind: 'conditional'; test: FormulaNode; consequent: FormulaNode; alternate: FormulaNode }
  | { kind: 'call'; name: string; fn: FormulaFunction; args: FormulaNode[] }
  /** float(x): the cast KEDA wraps a formula in (castToFloatIfNecessary), or the user's own. */
  | { kind: 'float'; argument: FormulaNode }
  /** An array literal `[a, b, c]`, for the collection builtins. */
  | { kind: 'array'; elements: FormulaNode[] }
  /** `#`: the element a closure is applied to. */
  | { kind: 'pointer' }
  /** A collection builtin (formula-collections.ts) over `array`, with its closure's body if any. */
  | { kind: 'collection'; name: CollectionName; array: FormulaNode; closure: FormulaNode | undefined };

/** A value during evaluation: expr-lang's float64, int (as a number), bool, nil and arrays. */
export type FormulaValue = number | boolean | null | readonly FormulaValue[];
