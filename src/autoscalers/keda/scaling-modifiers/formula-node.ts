/**
 * The checked formula tree: what jsep's AST becomes once every node passed the whitelist. Evaluation
 * walks only this tree, so nothing outside it (members, strings, unknown names) can ever run.
 */
import type { FormulaFunction } from './formula-functions.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';
export type LogicalOperator = '&&' | '||';

export type FormulaNode =
  | { kind: 'number'; value: number }
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
  | { kind: 'call'; name: string; fn: FormulaFunction; args: FormulaNode[] };

/** A value during evaluation: expr-lang's float64, bool and nil. */
export type FormulaValue = number | boolean | null;
