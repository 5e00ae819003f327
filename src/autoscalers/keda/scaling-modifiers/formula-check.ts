/**
 * The whitelist a scalingModifiers formula must pass (KEDA compiles it with expr-lang against the
 * trigger names, ValidateAndCompileScalingModifiers): jsep's AST → FormulaNode, or the first violation.
 */
import type jsep from 'jsep';
import { COLLECTIONS, isCollectionName } from './formula-collections.js';
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

/** The trigger names, and whether the node is inside a closure (where `#` is the element). */
export interface CheckScope {
  names: ReadonlySet<string>;
  inClosure: boolean;
}

type Checker = (node: jsep.Expression, scope: CheckScope) => FormulaNode;

function child(node: jsep.Expression, key: string): jsep.Expression {
  return node[key] as jsep.Expression;
}

/** expr-lang unary operators bind looser than `??`: `-a ?? b` is `-(a ?? b)`; jsep parses `(-a) ?? b`. */
function coalesce(left: FormulaNode, right: FormulaNode): FormulaNode {
  if (left.kind === 'negate' || left.kind === 'plus' || left.kind === 'not') return { kind: left.kind, argument: coalesce(left.argument, right) };
  return { kind: 'coalesce', left, right };
}

function checkBinary(node: jsep.Expression, scope: CheckScope): FormulaNode {
  const operator = String(node.operator);
  const left = checkNode(child(node, 'left'), scope);
  const right = checkNode(child(node, 'right'), scope);
  if (operator === '??') return coalesce(left, right);
  if (ARITHMETIC.has(operator)) return { kind: 'arithmetic', operator: operator as ArithmeticOperator, left, right };
  if (COMPARISON.has(operator)) return { kind: 'comparison', operator: operator as ComparisonOperator, left, right };
  if (LOGICAL.has(operator)) return { kind: 'logical', operator: operator as LogicalOperator, left, right };
  throw new FormulaCheckError(`operator ${operator} is not supported (use + - * / %, comparisons, && ||, ?: or ??)`, operator);
}

function checkUnary(node: jsep.Expression, scope: CheckScope): FormulaNode {
  const operator = String(node.operator);
  const argument = checkNode(child(node, 'argument'), scope);
  if (operator === '-') return { kind: 'negate', argument };
  if (operator === '+') return { kind: 'plus', argument };
  if (operator === '!') return { kind: 'not', argument };
  throw new FormulaCheckError(`unary operator ${operator} is not supported`, operator);
}

function checkIdentifier(node: jsep.Expression, scope: CheckScope): FormulaNode {
  const name = String(node.name);
  const names = scope.names;
  if (name === 'nil') return { kind: 'nil' };
  if (name === '#') {
    if (scope.inClosure) return { kind: 'pointer' };
    throw new FormulaCheckError('# is the element of a closure ({# > 1}) and cannot be used outside one', '#');
  }
  if (names.has(name)) return { kind: 'trigger', name };
  const known = names.size > 0 ? `the trigger names are ${[...names].join(', ')}` : 'no trigger has a name';
  throw new FormulaCheckError(`unknown name ${name}: ${known}`, name);
}

function checkLiteral(node: jsep.Expression): FormulaNode {
  const value = node.value;
  // expr-lang types a literal without a point or exponent as int, others as float64.
  if (typeof value === 'number') return { kind: 'number', value, integer: /^\d+$/.test(String(node.raw)) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value === null) throw new FormulaCheckError('unknown name null (expr-lang writes nil)', 'null');
  throw new FormulaCheckError(`${typeof value === 'string' ? 'string literals' : 'this literal'} cannot be used: a formula works on numbers`, String(node.raw));
}

/** A collection builtin: its array, and its closure when it takes one (formula-collections.ts). */
function checkCollection(name: string, args: jsep.Expression[], scope: CheckScope): FormulaNode {
  if (!isCollectionName(name)) throw new FormulaCheckError(`unknown function ${name}`, name);
  const spec = COLLECTIONS[name];
  const most = spec.closure === 'none' ? 1 : 2;
  const least = spec.closureRequired ? 2 : 1;
  if (args.length < least || args.length > most) {
    const expected = least === most ? `${least}` : `${least} or ${most}`;
    throw new FormulaCheckError(`${name} takes ${expected} argument${most === 1 ? '' : 's'} (an array${spec.closure === 'none' ? '' : ' and a closure such as {# > 1}'}), got ${args.length}`, name);
  }
  const array = checkNode(args[0]!, scope);
  const closureArg = args[1];
  if (closureArg !== undefined && closureArg.type !== 'Closure') throw new FormulaCheckError(`${name}'s second argument is a closure such as {# > 1}`, name);
  const closure = closureArg === undefined ? undefined : checkNode(child(closureArg, 'body'), { names: scope.names, inClosure: true });
  return { kind: 'collection', name, array, closure };
}

const CALLABLE = 'min, max, abs, ceil, floor, round, float, and all, any, none, one, count, filter, map, sum, len over arrays';

function checkCall(node: jsep.Expression, scope: CheckScope): FormulaNode {
  const callee = child(node, 'callee');
  if (callee.type !== 'Identifier') throw new FormulaCheckError(`only these functions can be called: ${CALLABLE}`);
  const name = String(callee.name);
  const rawArgs = node.arguments as jsep.Expression[];
  if (isCollectionName(name)) return checkCollection(name, rawArgs, scope);
  if (name === 'float') {
    if (rawArgs.length !== 1) throw new FormulaCheckError(`float takes 1 argument, got ${rawArgs.length}`, name);
    return { kind: 'float', argument: checkNode(rawArgs[0]!, scope) };
  }
  const fn = findFormulaFunction(name);
  if (fn === undefined) throw new FormulaCheckError(`unknown function ${name} (use ${CALLABLE})`, name);
  const args = rawArgs.map((a) => checkNode(a, scope));
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    const expected = fn.maxArgs === fn.minArgs ? `${fn.minArgs}` : `at least ${fn.minArgs}`;
    throw new FormulaCheckError(`${name} takes ${expected} argument${fn.minArgs === 1 ? '' : 's'}, got ${args.length}`, name);
  }
  return { kind: 'call', name, fn, args };
}

function checkArray(node: jsep.Expression, scope: CheckScope): FormulaNode {
  return { kind: 'array', elements: (node.elements as (jsep.Expression | null)[]).map((e) => (e === null ? { kind: 'nil' } : checkNode(e, scope))) };
}

function checkConditional(node: jsep.Expression, scope: CheckScope): FormulaNode {
  return {
    kind: 'conditional',
    test: checkNode(child(node, 'test'), scope),
    consequent: checkNode(child(node, 'consequent'), scope),
    alternate: checkNode(child(node, 'alternate'), scope),
  };
}

const CHECKERS: Readonly<Record<string, Checker>> = Object.freeze({
  BinaryExpression: checkBinary,
  UnaryExpression: checkUnary,
  Identifier: checkIdentifier,
  Literal: (node) => checkLiteral(node),
  CallExpression: checkCall,
  ConditionalExpression: checkConditional,
  ArrayExpression: checkArray,
});

const REJECTED: Readonly<Record<string, string>> = Object.freeze({
  MemberExpression: 'member access (a.b, a[b]) is not allowed',
  Compound: 'a formula is one expression (two were written side by side)',
  SequenceExpression: 'a formula is one expression (no commas outside function calls)',
  Closure: 'a closure ({# > 1}) is only the second argument of all, any, none, one, count, filter, map or sum',
  ThisExpression: 'this is not allowed',
});

/** Converts jsep's `node` to a FormulaNode; throws FormulaCheckError at the first node off the whitelist. */
export function checkNode(node: jsep.Expression, scope: CheckScope): FormulaNode {
  const checker = Object.hasOwn(CHECKERS, node.type) ? CHECKERS[node.type] : undefined;
  if (checker !== undefined) return checker(node, scope);
  const rejected = Object.hasOwn(REJECTED, node.type) ? REJECTED[node.type] : undefined;
  throw new FormulaCheckError(rejected ?? `${node.type} is not allowed in a formula`);
}
