/**
 * scheduling.k8s.io/v1 PriorityClass → PriorityClassEntry, with the checks of the API server's
 * ValidatePriorityClass (pkg/apis/scheduling/validation/validation.go: value an int32, a name with
 * the "system-" prefix is reserved, preemptionPolicy PreemptLowerPriority or Never) and of the
 * Priority admission plugin's validatePriorityClass (plugin/pkg/admission/priority/admission.go:
 * value ≤ HighestUserDefinablePriority 1000000000; a second globalDefault class is refused with
 * "PriorityClass <name> is already marked as default. Only one default can exist"). The two
 * built-in classes (pkg/apis/scheduling/types.go SystemPriorityClasses) are always there.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { OBJECT_META, type FieldTree } from './known-fields.js';
import { markBroken, type ManifestSet } from './manifest-set.js';

const KIND = 'PriorityClass';

/** pkg/apis/scheduling/types.go HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
/** pkg/apis/scheduling/types.go SystemCriticalPriority (2 × HighestUserDefinablePriority). */
const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export interface PriorityClassSpec {
  name: string;
  value: number;
  globalDefault: boolean;
  /** Defaults to PreemptLowerPriority (SetDefaults_PriorityClass). */
  preemptionPolicy: PreemptionPolicy;
}

export interface PriorityClassEntry {
  spec: PriorityClassSpec;
  ref: DocRef;
}

/** pkg/apis/scheduling/types.go SystemPriorityClasses: system-cluster-critical and system-node-critical (+1000). */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyMap<string, PriorityClassSpec> = new Map([
  ['system-cluster-critical', { name: 'system-cluster-critical', value: SYSTEM_CRITICAL_PRIORITY, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }],
  ['system-node-critical', { name: 'system-node-critical', value: SYSTEM_CRITICAL_PRIORITY + 1000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }],
]);

/** scheduling/v1 PriorityClass's fields (k8s.io/api scheduling/v1 types.go); there is no spec. */
export const PRIORITY_CLASS_FIELDS: FieldTree = {
  apiVersion: null, kind: null, metadata: OBJECT_META, value: null, globalDefault: null, description: null, preemptionPolicy: null,
};

const INT32_MIN = -2_147_483_648;

export const PriorityClassSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1).describe('the object name') }),
  value: z
    .number()
    .int()
    .min(INT32_MIN)
    .max(HIGHEST_USER_DEFINABLE_PRIORITY, `must be no greater than ${HIGHEST_USER_DEFINABLE_PRIORITY} (the highest user-definable priority; higher values are reserved for the system classes)`)
    .describe(`an integer from ${INT32_MIN} to ${HIGHEST_USER_DEFINABLE_PRIORITY}`),
  globalDefault: z.boolean().default(false),
  description: z.string().optional(),
  preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).default('PreemptLowerPriority').describe('PreemptLowerPriority or Never'),
});

export function loadPriorityClass(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(PriorityClassSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, KIND, ref);
  const name = input.metadata.name;
  if (name.startsWith('system-')) {
    const reserved = SYSTEM_PRIORITY_CLASSES.has(name)
      ? `${name} is a built-in PriorityClass (value ${SYSTEM_PRIORITY_CLASSES.get(name)!.value}); it cannot be redefined`
      : `priority class names with 'system-' prefix are reserved`;
    sink.error(ref.problem(['metadata', 'name'], reserved, 'use another name; pods may name the built-in system-cluster-critical and system-node-critical without defining them'));
    return markBroken(out, KIND, ref);
  }
  if (input.globalDefault) {
    const other = out.priorityClasses.find((c) => c.spec.globalDefault);
    if (other !== undefined) {
      const at = other.ref.position();
      sink.error(
        ref.problem(['globalDefault'], `PriorityClass ${other.spec.name} is already marked as default (${at.file}:${at.line}). Only one default can exist`, 'set globalDefault: true on one PriorityClass only'),
      );
      return markBroken(out, KIND, ref);
    }
  }
  out.priorityClasses.push({ spec: { name, value: input.value, globalDefault: input.globalDefault, preemptionPolicy: input.preemptionPolicy }, ref });
}
