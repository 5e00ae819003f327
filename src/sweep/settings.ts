/**
 * The settings of a sweep: the cartesian product of the grid's axes in a fixed order (the first
 * --grid varies slowest, like nested loops), each with its index, a stable id and the document
 * patches that apply it. Shards take the settings whose index % shards === shard.
 */
import { createHash } from 'node:crypto';
import type { DocumentPatch } from '../scenario/yaml/document-patch.js';
import { axisTargets, type GridAxis } from './grid.js';

export interface Setting {
  index: number;
  /** 12 hex digits of a hash of the assignments sorted by field: the same assignments have the same id whatever the grid's order. */
  id: string;
  /** One value text per axis, in axis order. */
  values: string[];
  patches: DocumentPatch[];
  /** `hpa.targetCPU=40 keda.cooldownPeriod=30`, for messages. */
  label: string;
}

export function settingCount(axes: readonly GridAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/** Setting `index` of the product (0-based; the last axis varies fastest). */
export function settingAt(axes: readonly GridAxis[], index: number): Setting {
  const picks: number[] = new Array<number>(axes.length);
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axes[a]!.values.length;
    picks[a] = rest % n;
    rest = Math.floor(rest / n);
  }
  const values: string[] = [];
  const patches: DocumentPatch[] = [];
  const assignments: [string, string][] = [];
  axes.forEach((axis, a) => {
    const v = axis.values[picks[a]!]!;
    values.push(v.text);
    for (const t of axisTargets(axis)) {
      patches.push({ target: t.target, path: t.fieldPath, value: v.value, text: `${axis.name}=${v.text}`, source: `--grid ${axis.name}` });
      assignments.push([`${t.target}:${JSON.stringify(t.fieldPath)}`, JSON.stringify(v.value)]);
    }
  });
  assignments.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const id = createHash('sha256').update(JSON.stringify(assignments)).digest('hex').slice(0, 12);
  return { index, id, values, patches, label: axes.map((axis, a) => `${axis.name}=${values[a]!}`).join(' ') };
}

export function allSettings(axes: readonly GridAxis[]): Setting[] {
  return Array.from({ length: settingCount(axes) }, (_, i) => settingAt(axes, i));
}

/** The indexes shard `shard` of `shards` runs. */
export function shardIndexes(count: number, shards: number, shard: number): number[] {
  const out: number[] = [];
  for (let i = shard; i < count; i += shards) out.push(i);
  return out;
}

/**
 * Settings that together use every value of every axis at least once (setting k takes value
 * k mod n of each axis of n values): loading these before the sweep starts catches a bad value
 * with max(n) loads instead of one per setting.
 */
export function coveringSettings(axes: readonly GridAxis[]): Setting[] {
  const longest = Math.max(...axes.map((a) => a.values.length));
  const seen = new Set<number>();
  const out: Setting[] = [];
  for (let k = 0; k < longest; k++) {
    let index = 0;
    for (const axis of axes) index = index * axis.values.length + (k % axis.values.length);
    if (!seen.has(index)) {
      seen.add(index);
      out.push(settingAt(axes, index));
    }
  }
  return out;
}

/** How problems name a setting: `--grid setting #3 (hpa.targetCPU=40 hpa.maxReplicas=5)`. */
export function settingName(s: Pick<Setting, 'index' | 'label'>): string {
  return `--grid setting #${s.index} (${s.label})`;
}
