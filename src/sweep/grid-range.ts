/**
 * A range item in a `--grid` value: `<first>..<last>` (step 1) or `<first>..<last>..<step>`, as a
 * shell's `{40..80..10}` brace expansion and `--seeds 1..10` read it, inclusive of `last` when the
 * steps land on it. The three numbers may share one unit suffix (`30s..300s..30s`,
 * `250m..1000m..250m`): the values are then the numbers with that suffix, as text the field parses
 * as it parses any quantity or duration; without a suffix they are numbers. Decimals keep the most
 * decimal places of the three (`0.1..0.5..0.1` gives 0.1, 0.2, 0.3, 0.4, 0.5, not 0.30000000000000004).
 * An item that is not two or three numbers around ".." is no range and stays a YAML scalar.
 */

/** Most values one range item expands to: a sweep of more settings than this on one axis is a typo. */
export const MAX_RANGE_VALUES = 1000;

export interface RangeValue {
  /** The value as the grid's columns show it: `40`, `0.25`, `30s`. */
  text: string;
  /** What is patched into the document: a number, or the text when the range has a unit suffix. */
  value: number | string;
}

/** A range item that parsed as one but cannot be expanded: the reason, for the flag's error. */
export class GridRangeProblem extends Error {}

const NUMBER_WITH_SUFFIX = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([a-zA-Zµ%]*)$/;

interface Bound {
  text: string;
  number: number;
  suffix: string;
  decimals: number;
}

function bound(text: string): Bound | undefined {
  const match = NUMBER_WITH_SUFFIX.exec(text.trim());
  if (!match) return undefined;
  const digits = match[1]!;
  const dot = digits.indexOf('.');
  return { text: text.trim(), number: Number(digits), suffix: match[2]!, decimals: dot < 0 ? 0 : digits.length - dot - 1 };
}

/**
 * The values of a range item, or undefined when `item` is no range (not two or three numbers
 * joined by ".."). Throws GridRangeProblem for a range that runs backwards, a step that is not
 * positive, suffixes that differ, or more than MAX_RANGE_VALUES values.
 */
export function expandGridRange(item: string): RangeValue[] | undefined {
  if (item.includes('...')) return undefined;
  const parts = item.split('..');
  if (parts.length !== 2 && parts.length !== 3) return undefined;
  const bounds = parts.map(bound);
  if (bounds.some((b) => b === undefined)) return undefined;
  const [first, last, step] = bounds as [Bound, Bound, Bound | undefined];
  const suffix = first.suffix;
  const odd = [last, ...(step ? [step] : [])].find((b) => b.suffix !== suffix);
  if (odd) {
    throw new GridRangeProblem(`the range ${item} mixes units ("${suffix}" and "${odd.suffix}"): give every number of <first>..<last>..<step> the same unit, e.g. 30s..300s..30s`);
  }
  const stepNumber = step ? step.number : 1;
  if (!(stepNumber > 0)) throw new GridRangeProblem(`the range ${item} has a step of ${step!.text}: expected a step above 0`);
  if (last.number < first.number) throw new GridRangeProblem(`the range ${item} runs backwards: expected <first>..<last> with first ≤ last`);
  const decimals = Math.max(first.decimals, last.decimals, step ? step.decimals : 0);
  const scale = 10 ** decimals;
  // Whole units of the finest decimal place, so that the count and the values carry no binary fraction error.
  const firstUnits = Math.round(first.number * scale);
  const lastUnits = Math.round(last.number * scale);
  // Above 0: the step's own decimals are among those `scale` keeps.
  const stepUnits = Math.round(stepNumber * scale);
  const count = Math.floor((lastUnits - firstUnits) / stepUnits) + 1;
  if (count > MAX_RANGE_VALUES) {
    throw new GridRangeProblem(`the range ${item} holds ${count} values; one range gives at most ${MAX_RANGE_VALUES} (a larger step, e.g. ${first.text}..${last.text}..${rangeStepFor(first, last)})`);
  }
  return Array.from({ length: count }, (_, i) => {
    const text = ((firstUnits + i * stepUnits) / scale).toFixed(decimals);
    return suffix === '' ? { text, value: Number(text) } : { text: `${text}${suffix}`, value: `${text}${suffix}` };
  });
}

/** A step that would bring the range to about a hundred values, for the error's example. */
function rangeStepFor(first: Bound, last: Bound): string {
  const raw = (last.number - first.number) / 100;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.ceil(raw / magnitude) * magnitude;
  return `${Number(step.toPrecision(6))}${first.suffix}`;
}
