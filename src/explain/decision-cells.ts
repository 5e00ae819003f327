/**
 * Reading the cells of one decisions.csv record: numbers, booleans, the stabilization window
 * (`replicas@-ageSeconds` entries) and pod classes (`ready/unready/missing/ignored`), with the file,
 * line and column in every error.
 */
import { UserInputError } from '../errors/user-input-error.js';
import type { PodClassCounts, WindowEntry } from './decision-row.js';

/** One record (column → cell) and where it came from. */
export interface CellSource {
  record: Readonly<Record<string, string | undefined>>;
  file: string;
  line: number;
}

function fail(src: CellSource, column: string, message: string): never {
  throw new UserInputError({ file: src.file, line: src.line, field: column, message });
}

/** The cell as text ('' when the column is absent or empty). */
export function textCell(src: CellSource, column: string): string {
  return src.record[column] ?? '';
}

/** A number, or undefined for an empty cell. */
export function optionalNumberCell(src: CellSource, column: string): number | undefined {
  const text = textCell(src, column).trim();
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) fail(src, column, `expected a number, got "${text}"`);
  return value;
}

/** A number that must be there. */
export function numberCell(src: CellSource, column: string): number {
  const value = optionalNumberCell(src, column);
  if (value === undefined) fail(src, column, 'expected a number, got an empty cell');
  return value;
}

/** `true` or `false`. */
export function booleanCell(src: CellSource, column: string): boolean {
  const text = textCell(src, column);
  if (text === 'true' || text === 'false') return text === 'true';
  return fail(src, column, `expected true or false, got "${text}"`);
}

const WINDOW_ENTRY = /^(\d+)@-(\d+(?:\.\d+)?)s$/;

/** `3@-15s 1@-30s` → [{replicas 3, ageSeconds 15}, {replicas 1, ageSeconds 30}]. */
export function windowCell(src: CellSource, column: string): WindowEntry[] {
  const text = textCell(src, column).trim();
  if (text === '') return [];
  return text.split(/\s+/).map((entry) => {
    const match = WINDOW_ENTRY.exec(entry);
    if (match === null) return fail(src, column, `expected entries such as "3@-15s" (replicas@-ageSeconds), got "${entry}"`);
    return { replicas: Number(match[1]), ageSeconds: Number(match[2]) };
  });
}

/** `1/0/2/0` → {ready 1, unready 0, missing 2, ignored 0}; undefined for an empty cell. */
export function podClassesCell(src: CellSource, column: string): PodClassCounts | undefined {
  const text = textCell(src, column).trim();
  if (text === '') return undefined;
  const parts = text.split('/').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    return fail(src, column, `expected ready/unready/missing/ignored pod counts such as "3/0/1/0", got "${text}"`);
  }
  const [ready, unready, missing, ignored] = parts as [number, number, number, number];
  return { ready, unready, missing, ignored };
}
