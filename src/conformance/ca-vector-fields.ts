/**
 * Readers shared by the ca.* vector adapters (docs/fidelity-spec.md §8): memory given in bytes,
 * MiB or GiB, cpu in millicores, and the first present of several spellings of a field.
 */
import type { InputFields } from './input-fields.js';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** `<prefix>Bytes`, `<prefix>MiB` or `<prefix>GiB` (prefix `mem` or `memory`), in bytes. */
export function readMemoryBytes(f: InputFields, fallback?: number): number {
  for (const prefix of ['mem', 'memory']) {
    if (f.has(`${prefix}Bytes`)) return f.number(`${prefix}Bytes`);
    if (f.has(`${prefix}MiB`)) return f.number(`${prefix}MiB`) * MIB;
    if (f.has(`${prefix}GiB`)) return f.number(`${prefix}GiB`) * GIB;
  }
  if (fallback !== undefined) return fallback;
  throw new Error(`${f.path}: expected memBytes, memMiB or memGiB`);
}

/** `cpuMilli` or `cpuMillicores`. */
export function readCpuMillicores(f: InputFields, fallback?: number): number {
  const value = firstNumber(f, ['cpuMilli', 'cpuMillicores']);
  if (value !== undefined) return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`${f.path}: expected cpuMilli`);
}

/** The value of the first key of `keys` present in `f`, or undefined. */
export function firstNumber(f: InputFields, keys: readonly string[]): number | undefined {
  for (const key of keys) if (f.has(key)) return f.number(key);
  return undefined;
}

/** The first boolean of `keys` present in `f`, or undefined. */
export function firstBoolean(f: InputFields, keys: readonly string[]): boolean | undefined {
  for (const key of keys) if (f.has(key)) return f.boolean(key);
  return undefined;
}
