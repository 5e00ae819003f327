/**
 * The grid of a sweep: one axis per --grid flag, in the order given, each resolved to the document
 * field it sets. Two flags that set the same field are refused, and so is a grid whose cartesian
 * product is larger than MAX_SETTINGS.
 */
import { UserInputError } from '../errors/user-input-error.js';
import { formatFieldPath } from '../scenario/yaml/field-path.js';
import { resolveGridTargets, type GridTarget } from './grid-paths.js';
import { GRID_EXAMPLES, parseGridSpec, type GridValue } from './grid-spec.js';
import type { ScenarioDocument } from './scenario-documents.js';

export interface GridAxis {
  /** The path as written: the grid column's name. */
  name: string;
  /** The whole --grid value as written (passed on to the shards of an emitted Job). */
  flag: string;
  target: string;
  fieldPath: (string | number)[];
  values: GridValue[];
  /** Further documents set to the same value (a path with a `*` in the object's name, ./grid-paths.ts); absent for one. */
  more?: GridTarget[];
}

/** Every document field an axis sets: its first, then the rest a wildcard matched. */
export function axisTargets(axis: GridAxis): GridTarget[] {
  return [{ target: axis.target, fieldPath: axis.fieldPath }, ...(axis.more ?? [])];
}

/** Largest cartesian product a sweep accepts. */
export const MAX_SETTINGS = 100_000;

/** Parses and resolves every --grid flag; throws UserInputError naming the flag on the first bad one. */
export function resolveGrid(flags: readonly string[], documents: readonly ScenarioDocument[]): GridAxis[] {
  if (flags.length === 0) {
    throw new UserInputError({ file: '(command line)', field: '--grid', message: 'a sweep needs at least one --grid <path>=<values>', hint: GRID_EXAMPLES });
  }
  const axes: GridAxis[] = [];
  for (const flag of flags) {
    const spec = parseGridSpec(flag);
    const targets = resolveGridTargets(spec.path, documents);
    const key = (t: GridTarget): string => `${t.target}:${formatFieldPath(t.fieldPath)}`;
    const mine = new Set(targets.map(key));
    const [{ target, fieldPath }, ...more] = targets as [GridTarget, ...GridTarget[]];
    const same = axes.find((a) => axisTargets(a).some((t) => mine.has(key(t))));
    if (same) {
      const where = axisTargets(same).map(key).find((k) => mine.has(k))!;
      throw new UserInputError({
        file: '(command line)',
        field: `--grid ${spec.path}`,
        message: same.name === spec.path ? `${spec.path} is given twice: expected each path once (list all its values in one --grid)` : `${spec.path} sets the same field as --grid ${same.name} (${where}): expected each field once`,
      });
    }
    axes.push({ name: spec.path, flag, target, fieldPath, values: spec.values, ...(more.length > 0 ? { more } : {}) });
  }
  const count = axes.reduce((n, a) => n * a.values.length, 1);
  if (count > MAX_SETTINGS) {
    throw new UserInputError({ file: '(command line)', field: '--grid', message: `the grid has ${count} settings (${axes.map((a) => a.values.length).join(' × ')}); a sweep runs at most ${MAX_SETTINGS}` });
  }
  return axes;
}

/** The field an axis sets, as `<target>:<field.path>`, and how many more a wildcard matched. */
export function axisField(axis: GridAxis): string {
  const more = axis.more?.length ?? 0;
  return `${axis.target}:${formatFieldPath(axis.fieldPath)}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The axis that varies scenario.yaml's `spec.<field>` (seed, duration), or -1. */
export function scenarioSpecAxis(axes: readonly GridAxis[], field: string): number {
  return axes.findIndex((a) => a.target === 'scenario' && a.fieldPath.length === 2 && a.fieldPath[0] === 'spec' && a.fieldPath[1] === field);
}
