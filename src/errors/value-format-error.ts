/**
 * ValueFormatError: thrown by the small value parsers (durations, quantities, timestamps) when a
 * single value is malformed. Loaders catch it and turn it into an InputProblem with a position.
 */

/** A malformed value; `message` says what was expected (with its unit), `hint` how to fix it. */
export class ValueFormatError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ValueFormatError';
    this.hint = hint;
  }
}

export function isValueFormatError(e: unknown): e is ValueFormatError {
  return e instanceof ValueFormatError;
}
