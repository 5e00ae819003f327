/**
 * The text of one `--grid <path>=v1,v2,…` flag, before the path is resolved against the scenario:
 * the path as written and its values, each a YAML scalar (`40`, `2.5`, `true`, `fast`, `"a b"`) or
 * a numeric range (`40..80..10`, ./grid-range.ts), split on commas. Empty lists, empty items,
 * repeated values, bad ranges and non-scalar values are refused with the flag named (exit code 2).
 */
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { indexOutsideQuotes } from '../compare/overrides.js';
import { UserInputError } from '../errors/user-input-error.js';
import { expandGridRange, GridRangeProblem, type RangeValue } from './grid-range.js';

export interface GridValue {
  /** The value as written (trimmed): the sweep's grid columns show it. */
  text: string;
  /** The value the YAML text parses to, patched into the document. */
  value: string | number | boolean | null;
}

export interface GridSpec {
  /** The whole flag value, for messages and for the emitted Job's arguments. */
  flag: string;
  /** The path as written: an alias (`hpa.targetCPU`, `keda[worker].cooldownPeriod`, `scenario.spec.x`) or `<target>:<field.path>`. */
  path: string;
  values: GridValue[];
}

export const GRID_EXAMPLES = 'e.g. --grid hpa.targetCPU=40,50,60, --grid hpa.targetCPU=40..80..10 or --grid HorizontalPodAutoscaler/web:spec.maxReplicas=10,20';

function gridError(spec: string, message: string, hint = GRID_EXAMPLES): UserInputError {
  return new UserInputError({ file: '(command line)', field: `--grid ${spec}`, message, hint });
}

/** Parses one --grid value. The path ends at the first "=" outside a quoted key (["a=b"]); values may hold one. */
export function parseGridSpec(flag: string): GridSpec {
  const eq = indexOutsideQuotes(flag, '=');
  const path = eq > 0 ? flag.slice(0, eq).trim() : '';
  if (path === '') {
    throw gridError(flag, `expected <path>=<value>,<value>,… with a path such as hpa.targetCPU or <Kind>/<name>:<field.path>, got "${flag}"`);
  }
  const body = flag.slice(eq + 1);
  if (body.trim() === '') throw gridError(path, 'expected at least one value after "=", got an empty list');
  const values: GridValue[] = [];
  const add = (text: string, value: GridValue['value']): void => {
    const twin = values.find((v) => isDeepStrictEqual(v.value, value));
    if (twin) throw gridError(path, `value "${text}" repeats "${twin.text}": each setting would run twice`);
    values.push({ text, value });
  };
  for (const [i, raw] of body.split(',').entries()) {
    const text = raw.trim();
    if (text === '') throw gridError(path, `value ${i + 1} of "${body}" is empty: expected comma-separated values such as 40,50,60`);
    let range: RangeValue[] | undefined;
    try {
      range = expandGridRange(text);
    } catch (error) {
      if (error instanceof GridRangeProblem) throw gridError(path, error.message);
      throw error;
    }
    if (range !== undefined) {
      for (const v of range) add(v.text, v.value);
      continue;
    }
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (error) {
      throw gridError(path, `value "${text}" is not valid YAML: ${(error as Error).message.split('\n', 1)[0]}`);
    }
    if (value !== null && typeof value === 'object') {
      throw gridError(path, `value "${text}" is a YAML ${Array.isArray(value) ? 'list' : 'map'}; grid values are scalars (numbers, strings, true/false)`);
    }
    add(text, value as GridValue['value']);
  }
  return { flag, path, values };
}
