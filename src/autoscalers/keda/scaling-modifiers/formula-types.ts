/**
 * The type check expr-lang's compiler runs on a scalingModifiers formula (expr-lang/expr checker),
 * as KEDA compiles it (ValidateAndCompileScalingModifiers): every trigger is a float64
 * (`expr.Env(map[string]float64)`), a literal without a point is an int, and the whole formula is
 * wrapped in `float(…)` unless its text already starts with "float(" (castToFloatIfNecessary), so a
 * formula whose value is a bool, nil or an array does not compile. Operators take the types the
 * checker allows: arithmetic and ordering on numbers (`%` needs an int on one side, newest
 * expr-lang; float64 % float64 is "mismatched types"), && || ! on bools, ?: with a bool test, the
 * collection builtins' closures as formula-collections.ts says. A value whose type is only known
 * at run time (a ?: with branches of two types, a `??`) passes, as expr-lang's interface{} does;
 * so does `nil` (scalesim evaluates a nil operand to a nil value, formula-evaluate.ts).
 */
import { COLLECTIONS } from './formula-collections.js';
import { FormulaCheckError } from './formula-check.js';
import type { FormulaNode } from './formula-node.js';

export type FormulaType = 'int' | 'float' | 'bool' | 'nil' | 'array' | 'unknown';

/** The Go names expr-lang's messages use. */
const GO_NAME: Readonly<Record<FormulaType, string>> = Object.freeze({ int: 'int', float: 'float64', bool: 'bool', nil: 'nil', array: '[]interface {}', unknown: 'interface {}' });

const isNumber = (t: FormulaType): boolean => t === 'int' || t === 'float';
/**
 * Types the check lets through to run time: interface{}, and nil, which scalesim also lets through
 * (a nil operand makes the value nil when evaluated, and a failing trigger is nil at run time).
 */
const loose = (t: FormulaType): boolean => t === 'unknown' || t === 'nil';
const numberOrUnknown = (t: FormulaType): boolean => isNumber(t) || loose(t);
const boolOrUnknown = (t: FormulaType): boolean => t === 'bool' || loose(t);

function mismatched(operator: string, left: FormulaType, right: FormulaType): never {
  throw new FormulaCheckError(`invalid operation: ${operator} (mismatched types ${GO_NAME[left]} and ${GO_NAME[right]})`, operator);
}

function arithmeticType(node: Extract<FormulaNode, { kind: 'arithmetic' }>, element: FormulaType): FormulaType {
  const left = typeOf(node.left, element);
  const right = typeOf(node.right, element);
  if (!numberOrUnknown(left) || !numberOrUnknown(right)) mismatched(node.operator, left, right);
  if (loose(left) || loose(right)) return 'unknown';
  if (node.operator === '/') return 'float';
  if (node.operator === '%') {
    if (left === 'int' && right === 'int') return 'int';
    if (left === 'int' || right === 'int') return 'float';
    mismatched('%', left, right);
  }
  return left === 'int' && right === 'int' ? 'int' : 'float';
}

function collectionType(node: Extract<FormulaNode, { kind: 'collection' }>, element: FormulaType): FormulaType {
  const array = typeOf(node.array, element);
  if (array !== 'array' && !loose(array)) throw new FormulaCheckError(`invalid argument for ${node.name} (type ${GO_NAME[array]}): expected an array such as [a, b]`, node.name);
  const spec = COLLECTIONS[node.name];
  const items = node.array.kind === 'array' ? commonType(node.array.elements.map((e) => typeOf(e, element))) : 'unknown';
  const closure = node.closure === undefined ? items : typeOf(node.closure, items);
  if (spec.closure === 'predicate' && !boolOrUnknown(closure)) {
    throw new FormulaCheckError(`predicate should return boolean (got ${GO_NAME[closure]})`, node.name);
  }
  if (node.name === 'sum' && !numberOrUnknown(closure)) throw new FormulaCheckError(`invalid argument for sum (type ${GO_NAME[closure]})`, node.name);
  return spec.result === 'number' ? (closure === 'int' ? 'int' : closure === 'float' ? 'float' : 'unknown') : spec.result;
}

/** One type shared by every entry, or unknown. */
function commonType(types: readonly FormulaType[]): FormulaType {
  const first = types[0];
  return first !== undefined && types.every((t) => t === first) ? first : 'unknown';
}

/** The static type of `node`; throws FormulaCheckError where expr-lang's checker would fail. `element`: the type of `#`. */
export function typeOf(node: FormulaNode, element: FormulaType = 'unknown'): FormulaType {
  switch (node.kind) {
    case 'number':
      return node.integer ? 'int' : 'float';
    case 'boolean':
      return 'bool';
    case 'nil':
      return 'nil';
    case 'trigger':
      return 'float';
    case 'pointer':
      return element;
    case 'negate':
    case 'plus': {
      const t = typeOf(node.argument, element);
      if (!numberOrUnknown(t)) throw new FormulaCheckError(`invalid operation: ${node.kind === 'negate' ? '-' : '+'} (mismatched type ${GO_NAME[t]})`);
      return t;
    }
    case 'not': {
      const t = typeOf(node.argument, element);
      if (!boolOrUnknown(t)) throw new FormulaCheckError(`invalid operation: ! (mismatched type ${GO_NAME[t]})`, '!');
      return 'bool';
    }
    case 'arithmetic':
      return arithmeticType(node, element);
    case 'comparison': {
      const left = typeOf(node.left, element);
      const right = typeOf(node.right, element);
      const ordering = node.operator !== '==' && node.operator !== '!=';
      if (ordering && (!numberOrUnknown(left) || !numberOrUnknown(right))) mismatched(node.operator, left, right);
      return 'bool';
    }
    case 'logical': {
      const left = typeOf(node.left, element);
      const right = typeOf(node.right, element);
      if (!boolOrUnknown(left) || !boolOrUnknown(right)) mismatched(node.operator, left, right);
      return 'bool';
    }
    case 'coalesce': {
      const left = typeOf(node.left, element);
      const right = typeOf(node.right, element);
      return left === 'nil' ? right : left === right ? left : 'unknown';
    }
    case 'conditional': {
      const test = typeOf(node.test, element);
      if (!boolOrUnknown(test)) throw new FormulaCheckError(`non-bool expression (type ${GO_NAME[test]}) used as condition`, '?');
      const consequent = typeOf(node.consequent, element);
      const alternate = typeOf(node.alternate, element);
      return consequent === alternate ? consequent : 'unknown';
    }
    case 'call': {
      const args = node.args.map((a) => typeOf(a, element));
      const bad = args.find((t) => !numberOrUnknown(t));
      if (bad !== undefined) throw new FormulaCheckError(`invalid argument for ${node.name} (type ${GO_NAME[bad]})`, node.name);
      if (node.name === 'ceil' || node.name === 'floor' || node.name === 'round') return 'float';
      return commonType(args);
    }
    case 'float': {
      const t = typeOf(node.argument, element);
      if (!numberOrUnknown(t)) throw new FormulaCheckError(`invalid argument for float (type ${GO_NAME[t]})`, 'float');
      return 'float';
    }
    case 'array':
      for (const e of node.elements) typeOf(e, element);
      return 'array';
    case 'collection':
      return collectionType(node, element);
  }
}

/**
 * The formula's check as KEDA compiles it: wrapped in float(…) unless `text` starts with "float("
 * (castToFloatIfNecessary), then expected to give a float64 (expr.AsFloat64).
 */
export function checkFormulaType(text: string, root: FormulaNode): void {
  const type = typeOf(root);
  if (numberOrUnknown(type)) return;
  if (text.startsWith('float(')) throw new FormulaCheckError(`expected float64, but got ${GO_NAME[type]}`);
  throw new FormulaCheckError(`invalid argument for float (type ${GO_NAME[type]}): KEDA wraps the formula in float(…), so it must give a number`);
}
