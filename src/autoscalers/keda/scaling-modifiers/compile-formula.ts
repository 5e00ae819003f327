/**
 * compileFormula: a scalingModifiers formula → an evaluator, never via eval or Function. Mirrors
 * KEDA's ValidateAndCompileScalingModifiers (expr.Compile with the trigger names as the environment).
 */
import { FormulaCheckError, checkNode } from './formula-check.js';
import { evaluateNode } from './formula-evaluate.js';
import { parseFormulaSyntax } from './formula-syntax.js';
import { checkFormulaType } from './formula-types.js';

export interface CompiledFormula {
  ok: true;
  /**
   * The formula's number for these trigger values (a missing name counts as null). Returns null
   * when the result is nil or not a number (a nil operand, a type error such as `a && 1`).
   */
  evaluate(values: Record<string, number | null>): number | null;
}

export type CompileFormulaResult = CompiledFormula | { ok: false; message: string; column?: number };

function columnOf(text: string, token: string | undefined): number | undefined {
  if (token === undefined || token === '') return undefined;
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^[A-Za-z_$]/.test(token) ? new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`) : new RegExp(escaped);
  const index = text.search(word);
  return index >= 0 ? index + 1 : undefined;
}

/**
 * Parses `text` and checks it against the whitelist: numbers, `nil`, true/false, the names in
 * `triggerNames`, + − * / %, unary − + !, comparisons, && ||, `?:`, `??`, parentheses, calls to
 * min, max, abs, ceil, floor, round and float, array literals and the collection builtins with
 * their closures (formula-collections.ts); then the types as expr-lang checks them
 * (formula-types.ts). Anything else (unknown names such as `constructor`, member access, strings,
 * other functions, a formula giving a bool) is a compile error; `column` is 1-based when it can be
 * located.
 */
export function compileFormula(text: string, triggerNames: string[]): CompileFormulaResult {
  const syntax = parseFormulaSyntax(text);
  if (!syntax.ok) return syntax;
  try {
    const root = checkNode(syntax.ast, { names: new Set(triggerNames), inClosure: false });
    checkFormulaType(text, root);
    return {
      ok: true,
      evaluate(values) {
        const value = evaluateNode(root, values);
        return typeof value === 'number' ? value : null;
      },
    };
  } catch (error) {
    if (!(error instanceof FormulaCheckError)) throw error;
    const column = columnOf(text, error.token);
    return column === undefined ? { ok: false, message: error.message } : { ok: false, message: error.message, column };
  }
}
