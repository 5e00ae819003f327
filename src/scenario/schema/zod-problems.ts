/**
 * Zod issues → InputProblems located in the YAML source: each issue's path is mapped to its node's
 * line and column, messages say what was expected (the schema's description, which carries the
 * unit) and what was found, and unknown fields get a "did you mean" hint from the schema's keys.
 */
import type { z } from 'zod';
import type { InputProblem } from '../../errors/user-input-error.js';
import { suggestionHint } from '../did-you-mean.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { describeSchemaAt, knownKeysAt } from './schema-walk.js';

type Issue = z.core.$ZodIssue;

/**
 * Safe-parses `value` (the part of `ref` at `path`) with `schema`. Returns the output, or undefined
 * after reporting every issue through `report`.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  ref: DocRef,
  path: FieldPath,
  report: (problem: InputProblem) => void,
): z.output<S> | undefined {
  const value = ref.valueAt(path);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const problem of issueToProblems(issue, schema, ref, path, value)) report(problem);
  }
  return undefined;
}

/** One issue → problems (several for an unrecognized_keys issue naming several keys). */
export function issueToProblems(issue: Issue, schema: z.ZodType, ref: DocRef, base: FieldPath, root: unknown): InputProblem[] {
  const local = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const path = [...base, ...local];
  const branch = issue.code === 'invalid_union' ? matchingBranch(issue.errors) : undefined;
  if (branch) {
    return branch.flatMap((inner) => issueToProblems({ ...inner, path: [...local, ...inner.path] } as Issue, schema, ref, base, root));
  }
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, local);
    return issue.keys.map((key) =>
      ref.problem([...path, key], `unknown field "${key}"`, suggestionHint(key, known, 'fields'), { key: true }),
    );
  }
  const found = valueAt(root, local);
  const expected = describeSchemaAt(schema, local);
  return [ref.problem(path, issueMessage(issue, found, expected), issueHint(issue, found))];
}

/**
 * The issues of the one union option the value has the shape of (e.g. the mapping form of "a
 * duration or {min, max}"), so that its own problems are reported; undefined when no option, or
 * more than one, matches the shape (then the union as a whole is reported).
 */
function matchingBranch(branches: readonly (readonly Issue[])[]): Issue[] | undefined {
  const matching = branches.filter((issues) => !issues.every(isShapeMismatch));
  return matching.length === 1 ? [...(matching[0] as Issue[])] : undefined;
}

/** An issue saying the value is not of this option's type at all (wrong JS type or literal). */
function isShapeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return true;
  return issue.code === 'invalid_union' && issue.errors.every((issues) => issues.every(isShapeMismatch));
}

function issueMessage(issue: Issue, found: unknown, expected: string | undefined): string {
  const expecting = expected ? `; expected ${expected}` : '';
  if (found === undefined && issue.code !== 'custom') {
    const values = issue.code === 'invalid_value' ? `; expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}` : '';
    return `required field is missing${values || expecting}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return `${show(found)} is not an integer${expecting}`;
      return `expected ${expected ?? issue.expected}, got ${show(found)}`;
    case 'too_small':
      return `${subject(found)}${boundText(issue.origin, issue.inclusive ? '≥' : '>', issue.minimum)}${expecting}`;
    case 'too_big':
      return `${subject(found)}${boundText(issue.origin, issue.inclusive ? '≤' : '<', issue.maximum)}${expecting}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(found)}`;
    case 'invalid_union':
      return `expected ${expected ?? 'a different value'}, got ${show(found)}`;
    default:
      return issue.message;
  }
}

function issueHint(issue: Issue, found: unknown): string | undefined {
  if (issue.code === 'custom') {
    const hint = (issue.params as { hint?: unknown } | undefined)?.hint;
    return typeof hint === 'string' ? hint : undefined;
  }
  if (issue.code === 'invalid_value' && typeof found === 'string') {
    return suggestionHint(found, issue.values.map(String), 'values');
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof found === 'string') {
    // Only what is a number once unquoted: "30" is; "30%", "40;50" and "abc" are not.
    const text = found.trim();
    if (text !== '' && Number.isFinite(Number(text))) return 'write the number without quotes';
    if (/^\d+(\.\d+)?\s*%$/.test(text)) return 'write the number alone, without the % sign';
  }
  return undefined;
}

function boundText(origin: string, op: string, bound: unknown): string {
  const n = typeof bound === 'bigint' ? Number(bound) : (bound as number);
  if (origin === 'array' || origin === 'set') return op === '≥' ? `must have at least ${n} item(s)` : `must have ${op} ${n} item(s)`;
  if (origin === 'string') return n === 1 && op === '≥' ? 'must not be empty' : `length must be ${op} ${n}`;
  return `must be ${op} ${n}`;
}

/** "5 " before a numeric bound ("5 must be ≥ 10"); nothing for lists and strings. */
function subject(found: unknown): string {
  return typeof found === 'number' ? `${found} ` : '';
}

/** A short rendering of a found value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let v = root;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}
