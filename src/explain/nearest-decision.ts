/**
 * For each autoscaler, the decision nearest a requested time (ties go to the earlier one) and the
 * decision just before it, picked in one pass over rows in file order (constant memory per autoscaler).
 * Rows the caller marks as in force until the next (a periodic controller's rows in a run that kept
 * changes only) pick instead the last row at or before the time, the first row when none is, and
 * keep the row after it too: the next change, which may come a moment after the time asked.
 */
import { UserInputError } from '../errors/user-input-error.js';
import { autoscalerKey, compareAutoscalerKeys } from './autoscaler-id.js';
import type { DecisionRow } from './decision-row.js';

/** What picking needs of a row: a parsed DecisionRow or a scanned RawDecision. */
export interface PickableRow {
  line: number;
  timeSeconds: number;
  controller: string;
  name: string;
}

export interface NearestDecision<R extends PickableRow = DecisionRow> {
  /** autoscalerKey of the rows. */
  key: string;
  decision: R;
  /** The same autoscaler's decision just before `decision`; undefined for its first. */
  previous: R | undefined;
  /** For a row in force until the next: the same autoscaler's row just after `decision` (undefined for its last, or for other rows). */
  next: R | undefined;
}

/** Distances are compared in microseconds, so 0.3 − 0.2 and 0.2 − 0.1 tie as they should. */
const distanceMicros = (timeSeconds: number, atSeconds: number): number => Math.round(Math.abs(timeSeconds - atSeconds) * 1e6);

/**
 * Whether a decision at `candidateSeconds` should replace one at `incumbentSeconds` as the nearest to
 * `atSeconds`: it is strictly nearer, or as near and earlier.
 */
export function isNearer(candidateSeconds: number, incumbentSeconds: number, atSeconds: number): boolean {
  const c = distanceMicros(candidateSeconds, atSeconds);
  const i = distanceMicros(incumbentSeconds, atSeconds);
  return c < i || (c === i && candidateSeconds < incumbentSeconds);
}

/** Whether `timeSeconds` is at or before `atSeconds`, compared in microseconds as isNearer does. */
export function isAtOrBefore(timeSeconds: number, atSeconds: number): boolean {
  return Math.round((timeSeconds - atSeconds) * 1e6) <= 0;
}

interface KeyState<R> {
  last: R;
  best: R;
  previous: R | undefined;
  next: R | undefined;
}

/** Feed rows with `add` in file order, then read `picks()`. */
export class NearestDecisionPicker<R extends PickableRow> {
  private readonly byKey = new Map<string, KeyState<R>>();

  /**
   * @param file named in the error when one autoscaler's rows go back in time.
   * @param inForce rows that hold until their autoscaler's next row (picked at or before the time).
   */
  constructor(
    readonly atSeconds: number,
    private readonly file: string,
    private readonly inForce: (row: R) => boolean = () => false,
  ) {}

  add(row: R): void {
    const key = autoscalerKey(row);
    const state = this.byKey.get(key);
    if (state === undefined) {
      this.byKey.set(key, { last: row, best: row, previous: undefined, next: undefined });
      return;
    }
    if (row.timeSeconds < state.last.timeSeconds) {
      throw new UserInputError({
        file: this.file,
        line: row.line,
        field: 'time_s',
        message: `expected the rows of ${key} in time order, got ${row.timeSeconds} after ${state.last.timeSeconds}`,
      });
    }
    const inForce = this.inForce(row);
    const better = inForce ? isAtOrBefore(row.timeSeconds, this.atSeconds) : isNearer(row.timeSeconds, state.best.timeSeconds, this.atSeconds);
    if (better) {
      state.best = row;
      state.previous = state.last;
      state.next = undefined;
    } else if (inForce && state.next === undefined) {
      state.next = row;
    }
    state.last = row;
  }

  /** Every autoscaler seen, in output order (keda, hpa, ca; then by name). */
  keys(): string[] {
    return [...this.byKey.keys()].sort(compareAutoscalerKeys);
  }

  /** The time of the last row seen (undefined before any row). */
  lastTimeSeconds(): number | undefined {
    let last: number | undefined;
    for (const s of this.byKey.values()) last = last === undefined ? s.last.timeSeconds : Math.max(last, s.last.timeSeconds);
    return last;
  }

  picks(): NearestDecision<R>[] {
    return this.keys().map((key) => {
      const s = this.byKey.get(key)!;
      return { key, decision: s.best, previous: s.previous, next: s.next };
    });
  }
}
