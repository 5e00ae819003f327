/**
 * Parsing scalingModifiers formulas with jsep, configured to the expr-lang (github.com/expr-lang/expr)
 * grammar KEDA compiles them with: ternary `?:`, `??` binding tighter than every other binary
 * operator, and closures (`{# > 1}`) for the collection builtins.
 */
import jsep from 'jsep';
import ternary from '@jsep-plugin/ternary';

/** expr-lang gives `??` precedence 500, above `*` (60) and `**` (100); jsep's highest is `**` at 11. */
const NIL_COALESCING_PRECEDENCE = 12;

/**
 * jsep keeps its grammar in module-level tables, so the one-time set-up happens here on import and
 * nothing else in scalesim uses jsep.
 */
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const HASH = 35; // #

/**
 * expr-lang's closures for the collection builtins: `{ # > 1 }` is a Closure node around its body,
 * and `#` (the element the closure is applied to) an Identifier named "#". Nowhere else may they
 * appear; formula-check.ts says where they may.
 */
const closures: jsep.IPlugin = {
  name: 'expr-closures',
  init() {
    jsep.hooks.add('gobble-token', function gobbleClosure(env) {
      if (this.code === HASH) {
        this.index++;
        env.node = { type: 'Identifier', name: '#' };
      } else if (this.code === OPEN_BRACE) {
        this.index++;
        const body = this.gobbleExpression();
        this.gobbleSpaces();
        if ((this.code as number) !== CLOSE_BRACE) this.throwError('Expected } to close the closure');
        this.index++;
        env.node = { type: 'Closure', body };
      }
    });
  },
};

jsep.plugins.register(ternary, closures);
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
