/**
 * The whitelist a scalingModifiers formula must pass (KEDA compiles it with expr-lang against the
 * trigger names, ValidateAndCompileScalingModifiers): jsep's AST → FormulaNode, or the first violation.
 */
import type jsep from 'jsep';
import { findFormulaFunction } from './formula-functions.js';
import type { ArithmeticOperator, ComparisonOperator, FormulaNode, LogicalOperator } from './formula-node.js';

/** A formula the whitelist rejects; `token` is located in the text to give a column. */
export class FormulaCheckError extends Error {
  constructor(
    message: string,
    readonly token?: string,
  ) {
    super(message);
    this.name = 'FormulaCheckError';
  }
}

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);
const COMPARISON: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);
const LOGICAL: ReadonlySet<string> = new Set(['&&', '||']);

type Checker = (node: jsep.Expression, names: ReadonlySet<string>) => FormulaNode;

function child(node: jsep.Expression, key: string): jsep.Expression {
  return node[key] as jsep.Expression;
}

/** expr-lang unary operators bind looser than `??`: `-a ?? b` is `-(a ?? b)`; jsep parses `(-a) ?? b`. */
function coalesce(left: FormulaNode, right: FormulaNode): FormulaNode {
  if (left.kind === 'negate' || left.kind === 'plus' || left.kind === 'not') return { kind: left.kind, argument: coalesce(left.argument, right) };
  return { kind: 'coalesce', left, right };
}

function checkBinary(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  const operator = String(node.operator);
  const left = checkNode(child(node, 'left'), names);
  const right = checkNode(child(node, 'right'), names);
  if (operator === '??') return coalesce(left, right);
  if (ARITHMETIC.has(operator)) return { kind: 'arithmetic', operator: operator as ArithmeticOperator, left, right };
  if (COMPARISON.has(operator)) return { kind: 'comparison', operator: operator as ComparisonOperator, left, right };
  if (LOGICAL.has(operator)) return { kind: 'logical', operator: operator as LogicalOperator, left, right };
  throw new FormulaCheckError(`operator ${operator} is not supported (use + - * / %, comparisons, && ||, ?: or ??)`, operator);
}

function checkUnary(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  const operator = String(node.operator);
  const argument = checkNode(child(node, 'argument'), names);
  if (operator === '-') return { kind: 'negate', argument };
  if (operator === '+') return { kind: 'plus', argument };
  if (operator === '!') return { kind: 'not', argument };
  throw new FormulaCheckError(`unary operator ${operator} is not supported`, operator);
}

function checkIdentifier(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  const name = String(node.name);
  if (name === 'nil') return { kind: 'nil' };
  if (names.has(name)) return { kind: 'trigger', name };
  const known = names.size > 0 ? `the trigger names are ${[...names].join(', ')}` : 'no trigger has a name';
  throw new FormulaCheckError(`unknown name ${name}: ${known}`, name);
}

function checkLiteral(node: jsep.Expression): FormulaNode {
  const value = node.value;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value === null) throw new FormulaCheckError('unknown name null (expr-lang writes nil)', 'null');
  throw new FormulaCheckError(`${typeof value === 'string' ? 'string literals' : 'this literal'} cannot be used: a formula works on numbers`, String(node.raw));
}

function checkCall(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  const callee = child(node, 'callee');
  if (callee.type !== 'Identifier') throw new FormulaCheckError('only the functions min, max, abs, ceil, floor and round can be called');
  const name = String(callee.name);
  const fn = findFormulaFunction(name);
  if (fn === undefined) throw new FormulaCheckError(`unknown function ${name} (use min, max, abs, ceil, floor or round)`, name);
  const args = (node.arguments as jsep.Expression[]).map((a) => checkNode(a, names));
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    const expected = fn.maxArgs === fn.minArgs ? `${fn.minArgs}` : `at least ${fn.minArgs}`;
    throw new FormulaCheckError(`${name} takes ${expected} argument${fn.minArgs === 1 ? '' : 's'}, got ${args.length}`, name);
  }
  return { kind: 'call', name, fn, args };
}

function checkConditional(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  return {
    kind: 'conditional',
    test: checkNode(child(node, 'test'), names),
    consequent: checkNode(child(node, 'consequent'), names),
    alternate: checkNode(child(node, 'alternate'), names),
  };
}

const CHECKERS: Readonly<Record<string, Checker>> = Object.freeze({
  BinaryExpression: checkBinary,
  UnaryExpression: checkUnary,
  Identifier: checkIdentifier,
  Literal: checkLiteral,
  CallExpression: checkCall,
  ConditionalExpression: checkConditional,
});

const REJECTED: Readonly<Record<string, string>> = Object.freeze({
  MemberExpression: 'member access (a.b, a[b]) is not allowed',
  Compound: 'a formula is one expression (two were written side by side)',
  SequenceExpression: 'a formula is one expression (no commas outside function calls)',
  ArrayExpression: 'arrays are not allowed',
  ThisExpression: 'this is not allowed',
});

/** Converts jsep's `node` to a FormulaNode; throws FormulaCheckError at the first node off the whitelist. */
export function checkNode(node: jsep.Expression, names: ReadonlySet<string>): FormulaNode {
  const checker = Object.hasOwn(CHECKERS, node.type) ? CHECKERS[node.type] : undefined;
  if (checker !== undefined) return checker(node, names);
  const rejected = Object.hasOwn(REJECTED, node.type) ? REJECTED[node.type] : undefined;
  throw new FormulaCheckError(rejected ?? `${node.type} is not allowed in a formula`);
}
