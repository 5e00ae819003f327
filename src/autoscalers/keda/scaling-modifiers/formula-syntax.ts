/**
 * Parsing scalingModifiers formulas with jsep, configured to the expr-lang (github.com/expr-lang/expr)
 * grammar KEDA compiles them with: ternary `?:` and `??` binding tighter than every other binary operator.
 */
import jsep from 'jsep';
import ternary from '@jsep-plugin/ternary';

/** expr-lang gives `??` precedence 500, above `*` (60) and `**` (100); jsep's highest is `**` at 11. */
const NIL_COALESCING_PRECEDENCE = 12;

/**
 * jsep keeps its grammar in module-level tables, so the one-time set-up happens here on import and
 * nothing else in scalesim uses jsep.
 */
jsep.plugins.register(ternary);
jsep.addBinaryOp('??', NIL_COALESCING_PRECEDENCE);

export type SyntaxResult = { ok: true; ast: jsep.Expression } | { ok: false; message: string; column?: number };

/** jsep's AST for `text`, or its error with a 1-based column. */
export function parseFormulaSyntax(text: string): SyntaxResult {
  if (text.trim() === '') return { ok: false, message: 'the formula is empty' };
  try {
    return { ok: true, ast: jsep(text) };
  } catch (error) {
    const index = (error as { index?: unknown }).index;
    const description = (error as { description?: unknown }).description;
    const message = typeof description === 'string' ? description : error instanceof Error ? error.message : String(error);
    return typeof index === 'number' ? { ok: false, message: `syntax error: ${message}`, column: index + 1 } : { ok: false, message: `syntax error: ${message}` };
  }
}
