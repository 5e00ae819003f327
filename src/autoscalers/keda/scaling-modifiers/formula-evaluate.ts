/**
 * Evaluation of a checked formula over the trigger values, with expr-lang's float64/bool/nil
 * semantics: nil propagates through arithmetic unless `??` replaces it; a type error yields nil too.
 * Arrays and closures serve the collection builtins (formula-collections.ts).
 */
import { applyCollection } from './formula-collections.js';
import type { ArithmeticOperator, ComparisonOperator, FormulaNode, FormulaValue } from './formula-node.js';

type Values = Readonly<Record<string, number | null>>;

const ARITHMETIC: Readonly<Record<ArithmeticOperator, (a: number, b: number) => number>> = Object.freeze({
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  // float64 division: x/0 is ±Inf (or NaN for 0/0), as in Go.
  '/': (a, b) => a / b,
  // math.Mod semantics (sign of the dividend).
  '%': (a, b) => a % b,
});

const ORDER: Readonly<Record<Exclude<ComparisonOperator, '==' | '!='>, (a: number, b: number) => boolean>> = Object.freeze({
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
});

const asNumber = (v: FormulaValue): number | null => (typeof v === 'number' ? v : null);
const asBoolean = (v: FormulaValue): boolean | null => (typeof v === 'boolean' ? v : null);

function compare(operator: ComparisonOperator, left: FormulaValue, right: FormulaValue): FormulaValue {
  if (operator === '==') return left === right;
  if (operator === '!=') return left !== right;
  const a = asNumber(left);
  const b = asNumber(right);
  return a === null || b === null ? null : ORDER[operator](a, b);
}

function logical(node: Extract<FormulaNode, { kind: 'logical' }>, values: Values, element: FormulaValue): FormulaValue {
  const left = asBoolean(evaluateNode(node.left, values, element));
  if (left === null) return null;
  // Short-circuit, as expr-lang does.
  if (node.operator === '&&' ? !left : left) return left;
  return asBoolean(evaluateNode(node.right, values, element));
}

function call(node: Extract<FormulaNode, { kind: 'call' }>, values: Values, element: FormulaValue): FormulaValue {
  const args: number[] = [];
  for (const arg of node.args) {
    const value = asNumber(evaluateNode(arg, values, element));
    if (value === null) return null;
    args.push(value);
  }
  return node.fn.apply(args);
}

function unaryNumber(node: FormulaNode, values: Values, element: FormulaValue, sign: 1 | -1): FormulaValue {
  const value = asNumber(evaluateNode(node, values, element));
  return value === null ? null : sign * value;
}

/** A collection builtin: its array evaluated, then the closure (or the element itself) per element. */
function collection(node: Extract<FormulaNode, { kind: 'collection' }>, values: Values, element: FormulaValue): FormulaValue {
  const items = evaluateNode(node.array, values, element);
  if (!Array.isArray(items)) return null;
  const closure = node.closure;
  return applyCollection(node.name, items, closure === undefined ? (item) => item : (item) => evaluateNode(closure, values, item));
}

/**
 * The value of `node`; `values` maps trigger names to their metric values (null = failing / no
 * value); `element` is what `#` stands for inside a closure.
 */
export function evaluateNode(node: FormulaNode, values: Values, element: FormulaValue = null): FormulaValue {
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'nil':
      return null;
    case 'trigger':
      return Object.hasOwn(values, node.name) ? (values[node.name] ?? null) : null;
    case 'pointer':
      return element;
    case 'negate':
      return unaryNumber(node.argument, values, element, -1);
    case 'plus':
      return unaryNumber(node.argument, values, element, 1);
    case 'not': {
      const value = asBoolean(evaluateNode(node.argument, values, element));
      return value === null ? null : !value;
    }
    case 'arithmetic': {
      const a = asNumber(evaluateNode(node.left, values, element));
      const b = asNumber(evaluateNode(node.right, values, element));
      return a === null || b === null ? null : ARITHMETIC[node.operator](a, b);
    }
    case 'comparison':
      return compare(node.operator, evaluateNode(node.left, values, element), evaluateNode(node.right, values, element));
    case 'logical':
      return logical(node, values, element);
    case 'coalesce':
      return evaluateNode(node.left, values, element) ?? evaluateNode(node.right, values, element);
    case 'conditional': {
      const test = asBoolean(evaluateNode(node.test, values, element));
      return test === null ? null : evaluateNode(test ? node.consequent : node.alternate, values, element);
    }
    case 'call':
      return call(node, values, element);
    case 'float':
      // float(nil) fails at run time: no number.
      return asNumber(evaluateNode(node.argument, values, element));
    case 'array':
      return node.elements.map((e) => evaluateNode(e, values, element));
    case 'collection':
      return collection(node, values, element);
  }
}
