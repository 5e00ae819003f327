/**
 * Errors caused by the user's input (scenario, manifests, traces). The CLI prints them without a
 * stack trace and exits with code 2; everything else is a bug or a run failure (exit 1).
 */

/** One problem in one input file. `line` and `column` are 1-based. */
export interface InputProblem {
  file: string;
  line?: number;
  column?: number;
  /** Field path inside the document, e.g. `spec.metrics[0].resource.target.averageUtilization`. */
  field?: string;
  /** What is wrong, including what was expected and its unit. */
  message: string;
  /** How to fix it, when there is something useful to say. */
  hint?: string;
}

/** Formats a problem as `file:line:column: field: message (hint: ...)`. */
export function formatProblem(p: InputProblem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const field = p.field ? ` ${p.field}:` : '';
  const hint = p.hint ? `\n    hint: ${p.hint}` : '';
  return `${where}:${field} ${p.message}${hint}`;
}

/**
 * Thrown for bad input; carries every problem found in one pass, and the warnings found beside them
 * (a warning may be what explains an error: a manifests folder whose only file was skipped).
 */
export class UserInputError extends Error {
  readonly problems: InputProblem[];
  readonly warnings: InputProblem[];

  constructor(problems: InputProblem[] | InputProblem, warnings: readonly InputProblem[] = []) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserInputError';
    this.problems = list;
    this.warnings = [...warnings];
  }
}

export function isUserInputError(e: unknown): e is UserInputError {
  return e instanceof UserInputError;
}
