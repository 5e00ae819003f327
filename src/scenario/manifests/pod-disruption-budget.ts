/**
 * policy/v1 PodDisruptionBudget → PodDisruptionBudgetSpec: spec.selector.matchLabels and
 * minAvailable or maxUnavailable, each an integer ≥ 0 or a percent "NN%" (≤ 100%), as
 * ValidatePodDisruptionBudgetSpec checks them. The cluster-autoscaler's drain respects the budget.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { stringMap } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { markBroken, type ManifestSet } from './manifest-set.js';

const KIND = 'PodDisruptionBudget';

/** intstr.IntOrString as a PDB takes it: an integer ≥ 0, or "NN%" with NN ≤ 100. */
const intOrPercent = z
  .union([z.number(), z.string()])
  .transform((input, ctx): number | { percent: number } => {
    if (typeof input === 'number') {
      if (Number.isInteger(input) && input >= 0) return input;
      ctx.addIssue({ code: 'custom', message: `${input}: must be greater than or equal to 0 and an integer`, input });
      return z.NEVER;
    }
    const match = /^(\d+)%$/.exec(input);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${input}" is not a valid percent; expected an integer ≥ 0 or a percent such as "50%"`, params: { hint: "a percent is digits followed by '%' ([0-9]+%); write a count without quotes" }, input });
      return z.NEVER;
    }
    const percent = Number(match[1]);
    if (percent > 100) {
      ctx.addIssue({ code: 'custom', message: `"${input}": must not be greater than 100%`, input });
      return z.NEVER;
    }
    return { percent };
  })
  .describe('an integer ≥ 0 or a percent such as "50%"');

export const PodDisruptionBudgetSchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string().min(1).describe('the object name'),
    namespace: z.string().min(1).default('default'),
  }),
  spec: z
    .looseObject({
      selector: z
        .looseObject({ matchLabels: stringMap().default({}), matchExpressions: z.array(z.unknown()).optional() })
        .nullish(),
      minAvailable: intOrPercent.optional(),
      maxUnavailable: intOrPercent.optional(),
    })
    .prefault({}),
});

export function loadPodDisruptionBudget(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(PodDisruptionBudgetSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, KIND, ref);
  const { selector, minAvailable, maxUnavailable } = input.spec;
  if (minAvailable !== undefined && maxUnavailable !== undefined) {
    sink.error(ref.problem(['spec', 'maxUnavailable'], 'minAvailable and maxUnavailable cannot be both set', 'keep one of them'));
    return markBroken(out, KIND, ref);
  }
  if (!selector) {
    sink.warn(ref.warning(['spec'], 'spec.selector is not set: a policy/v1 PodDisruptionBudget without a selector selects no pods; it is left out', 'add spec.selector.matchLabels (an empty selector {} selects every pod of the namespace)'));
    return;
  }
  if (selector.matchExpressions && selector.matchExpressions.length > 0) {
    sink.warn(ref.warning(['spec', 'selector', 'matchExpressions'], 'matchExpressions are not modelled: the budget selects pods by matchLabels only (more pods than written)'));
  }
  if (minAvailable === undefined && maxUnavailable === undefined) {
    sink.warn(ref.warning(['spec'], 'neither minAvailable nor maxUnavailable is set: the budget allows every eviction (disruption controller: desired healthy 0)', 'set minAvailable or maxUnavailable'));
  }
  out.podDisruptionBudgets.push({
    spec: {
      name: input.metadata.name,
      namespace: input.metadata.namespace,
      selector: selector.matchLabels,
      ...(minAvailable !== undefined ? { minAvailable } : {}),
      ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
      source: ref.sourceRef(),
    },
    ref,
  });
}
