/**
 * Grid axes that changed none of the sweep's figures: for every combination of the other axes (the
 * seed included), the settings along the axis have the same figures, whatever its value. A sweep
 * spent on such an axis answers nothing about it, and the user should hear so rather than read a
 * frontier of ties: usually the field is read only in a case the scenario never reaches (KEDA reads
 * a ScaledObject's cooldownPeriod only when it scales to zero, and polls only the triggers the HPA
 * does not read from metrics-server), or another setting overrides it. The figures compared are
 * those the sweep reports (compare's row, rounded as sweep.csv shows it), so a difference below
 * their precision does not count. Pure: the axes and every run's row in, the inert axes out.
 */
import type { GridAxis } from './grid.js';
import { seedAxisIndex } from './replicates.js';
import { rowFigures, type SweepRow } from './sweep-row.js';

/** The axes (with two values or more, the seed axis never) whose value moved no figure of any run; in grid order. */
export function inertAxes(axes: readonly GridAxis[], rows: readonly SweepRow[]): GridAxis[] {
  if (rows.length < 2) return [];
  const seedAxis = seedAxisIndex(axes);
  const figures = new Map(rows.map((r) => [r, JSON.stringify(rowFigures(r.row))]));
  return axes.filter((axis, a) => {
    if (a === seedAxis || axis.values.length < 2) return false;
    // The runs that differ only in this axis: the same figures in each group, and some group of two or more.
    const groups = new Map<string, string>();
    let compared = false;
    for (const r of rows) {
      const key = JSON.stringify(r.values.filter((_, i) => i !== a));
      const seen = groups.get(key);
      const mine = figures.get(r)!;
      if (seen === undefined) groups.set(key, mine);
      else if (seen !== mine) return false;
      else compared = true;
    }
    return compared;
  });
}

/** The sentence the terminal and report.md give inert axes, or undefined when there are none. */
export function inertAxesText(inert: readonly GridAxis[]): string | undefined {
  if (inert.length === 0) return undefined;
  const names = inert.map((a) => `${a.name} (${a.values.map((v) => v.text).join(', ')})`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const them = inert.length === 1 ? 'its value' : 'their values';
  const applies = inert.length === 1 ? 'it applies' : 'they apply';
  return `${list} changed none of the sweep's figures: every setting gave the same figures whatever ${them}. Most likely ${applies} only in a case these runs never reach (KEDA reads cooldownPeriod only when scaling to zero), another setting overrides ${inert.length === 1 ? 'it' : 'them'}, or the effect is below the figures' precision.`;
}
