/**
 * v1 LimitRange → LimitRangeEntry: its Container and Pod items for cpu and memory, with the API
 * server's defaulting (pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem, for a Container
 * item: a missing default limit takes the max, a missing default request takes the default limit,
 * else the min) and validation (pkg/apis/core/validation ValidateLimitRange: default and
 * defaultRequest only on Container items; min ≤ defaultRequest ≤ default ≤ max; a
 * maxLimitRequestRatio of at least 1 and at most max/min). What LimitRanger does with it when a pod
 * is created is limit-ranger.ts. Other resources (ephemeral-storage, extended resources) and
 * PersistentVolumeClaim items are warned as not modelled.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { formatCpu, formatMemory } from '../node-pools/format-resources.js';
import { cpuMillicores, memoryBytes, quantityNumber } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { OBJECT_META, type FieldTree } from './known-fields.js';
import { markBroken, type ManifestSet } from './manifest-set.js';

const KIND = 'LimitRange';

export type LimitedResource = 'cpu' | 'memory';
export const LIMITED_RESOURCES: readonly LimitedResource[] = ['cpu', 'memory'];

/** cpu in millicores, memory in bytes; a resource the item does not name is absent. */
export type ResourceAmounts = Partial<Record<LimitedResource, number>>;

export interface LimitRangeItemSpec {
  type: 'Container' | 'Pod';
  min: ResourceAmounts;
  max: ResourceAmounts;
  /** Default limit (Container items, after defaulting). */
  default: ResourceAmounts;
  /** Default request (Container items, after defaulting). */
  defaultRequest: ResourceAmounts;
  maxLimitRequestRatio: ResourceAmounts;
  /** spec.limits index, for messages. */
  index: number;
}

export interface LimitRangeEntry {
  name: string;
  namespace: string;
  items: LimitRangeItemSpec[];
  ref: DocRef;
}

/** v1 LimitRange's fields (k8s.io/api core/v1 types.go LimitRangeSpec, LimitRangeItem). */
export const LIMIT_RANGE_FIELDS: FieldTree = {
  apiVersion: null,
  kind: null,
  metadata: OBJECT_META,
  spec: {
    // Resource lists are free-form maps (any resource name).
    limits: { type: null, min: null, max: null, default: null, defaultRequest: null, maxLimitRequestRatio: null },
  },
};

const AmountsSchema = z.looseObject({ cpu: cpuMillicores().optional(), memory: memoryBytes().optional() }).default({});
const RatiosSchema = z.looseObject({ cpu: quantityNumber().optional(), memory: quantityNumber().optional() }).default({});

const LimitRangeSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1).describe('the object name'), namespace: z.string().optional() }),
  spec: z.looseObject({
    limits: z
      .array(
        z.looseObject({
          type: z.enum(['Container', 'Pod', 'PersistentVolumeClaim']).describe('Container, Pod or PersistentVolumeClaim'),
          min: AmountsSchema,
          max: AmountsSchema,
          default: AmountsSchema,
          defaultRequest: AmountsSchema,
          maxLimitRequestRatio: RatiosSchema,
        }),
      )
      .describe('a list of limit range items'),
  }),
});

type ItemInput = z.infer<typeof LimitRangeSchema>['spec']['limits'][number];
const LISTS = ['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

function amounts(list: Record<string, unknown>): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const r of LIMITED_RESOURCES) if (typeof list[r] === 'number') out[r] = list[r];
  return out;
}

/** SetDefaults_LimitRangeItem for a Container item: default ← max, then defaultRequest ← default, else min. */
function withDefaults(input: ItemInput, index: number): LimitRangeItemSpec {
  const item: LimitRangeItemSpec = {
    type: input.type === 'Pod' ? 'Pod' : 'Container',
    min: amounts(input.min),
    max: amounts(input.max),
    default: amounts(input.default),
    defaultRequest: amounts(input.defaultRequest),
    maxLimitRequestRatio: amounts(input.maxLimitRequestRatio),
    index,
  };
  if (item.type === 'Container') {
    for (const r of LIMITED_RESOURCES) {
      if (item.default[r] === undefined && item.max[r] !== undefined) item.default[r] = item.max[r];
      if (item.defaultRequest[r] === undefined && item.default[r] !== undefined) item.defaultRequest[r] = item.default[r];
      if (item.defaultRequest[r] === undefined && item.min[r] !== undefined) item.defaultRequest[r] = item.min[r];
    }
  }
  return item;
}

/** A cpu or memory amount as a quantity for messages (500m, 2, 128Mi, 1Gi): format-resources.ts. */
export function quantityText(resource: LimitedResource, amount: number): string {
  return resource === 'cpu' ? formatCpu(amount) : formatMemory(amount);
}

/** ValidateLimitRange's checks on one defaulted item; false when one failed. */
function validItem(item: LimitRangeItemSpec, input: ItemInput, ref: DocRef, sink: ProblemSink): boolean {
  let ok = true;
  const at = (list: string, r?: string) => ['spec', 'limits', item.index, list, ...(r === undefined ? [] : [r])];
  const fail = (list: string, r: string, message: string): void => {
    sink.error(ref.problem(at(list, r), message));
    ok = false;
  };
  if (item.type === 'Pod') {
    for (const list of ['default', 'defaultRequest'] as const) {
      if (Object.keys(input[list]).length > 0) {
        sink.error(ref.problem(at(list), "may not be specified when `type` is 'Pod'"));
        ok = false;
      }
    }
  }
  for (const r of LIMITED_RESOURCES) {
    const q = (v: number): string => quantityText(r, v);
    const min = item.min[r];
    const max = item.max[r];
    const def = item.default[r];
    const defReq = item.defaultRequest[r];
    const ratio = item.maxLimitRequestRatio[r];
    if (min !== undefined && max !== undefined && min > max) fail('min', r, `min value ${q(min)} is greater than max value ${q(max)}`);
    if (defReq !== undefined && min !== undefined && min > defReq) fail('defaultRequest', r, `min value ${q(min)} is greater than default request value ${q(defReq)}`);
    if (defReq !== undefined && max !== undefined && defReq > max) fail('defaultRequest', r, `default request value ${q(defReq)} is greater than max value ${q(max)}`);
    if (def !== undefined && min !== undefined && min > def) fail('default', r, `min value ${q(min)} is greater than default value ${q(def)}`);
    if (def !== undefined && max !== undefined && def > max) fail('default', r, `default value ${q(def)} is greater than max value ${q(max)}`);
    if (defReq !== undefined && def !== undefined && defReq > def) fail('defaultRequest', r, `default request value ${q(defReq)} is greater than default limit value ${q(def)}`);
    if (ratio !== undefined && ratio < 1) fail('maxLimitRequestRatio', r, `ratio ${ratio} is less than 1`);
    if (ratio !== undefined && min !== undefined && max !== undefined && min > 0 && ratio > max / min) {
      fail('maxLimitRequestRatio', r, `ratio ${ratio} is greater than max/min = ${(max / min).toFixed(6)}`);
    }
  }
  return ok;
}

export function loadLimitRange(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(LimitRangeSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, KIND, ref);
  const items: LimitRangeItemSpec[] = [];
  let ok = true;
  input.spec.limits.forEach((itemInput, index) => {
    if (itemInput.type === 'PersistentVolumeClaim') {
      sink.warn(ref.warning(['spec', 'limits', index, 'type'], 'PersistentVolumeClaim limits are not modelled; ignored'));
      return;
    }
    for (const list of LISTS) {
      for (const key of Object.keys(itemInput[list])) {
        if (!(LIMITED_RESOURCES as readonly string[]).includes(key)) sink.warn(ref.warning(['spec', 'limits', index, list, key], `${key} is not modelled (only cpu and memory); ignored`));
      }
    }
    const item = withDefaults(itemInput, index);
    if (!validItem(item, itemInput, ref, sink)) ok = false;
    items.push(item);
  });
  if (!ok) return markBroken(out, KIND, ref);
  out.limitRanges.push({ name: input.metadata.name, namespace: input.metadata.namespace ?? 'default', items, ref });
}
