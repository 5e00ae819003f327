/**
 * `npm run bench -- --repeat N`: each case runs N times, and the table shows the run whose process
 * wall time is the median, with the spread of all N beside it. On a shared host one run of a case
 * moves by ±30% from one minute to the next; the median and the spread say how much of a figure is
 * the host.
 */

/** The run in the middle by `key` (the lower middle for an even count), and the range of `key` over all runs. */
export interface MedianPick<T> {
  median: T;
  minKey: number;
  maxKey: number;
  runs: number;
}

export function medianBy<T>(items: readonly T[], key: (item: T) => number): MedianPick<T> {
  if (items.length === 0) throw new Error('medianBy of no runs');
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return { median: sorted[(sorted.length - 1) >> 1]!, minKey: key(sorted[0]!), maxKey: key(sorted[sorted.length - 1]!), runs: items.length };
}

/** --repeat's value: a whole number from 1 to 20, or what is wrong with it. */
export function parseRepeat(text: string | undefined): number | string {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 1 || n > 20) return `--repeat: expected a whole number from 1 to 20, got "${text ?? ''}"`;
  return n;
}
