/**
 * apps/v1 DaemonSet → DaemonSetEntry: its pod template, read as a workload's is (pod-template.ts),
 * with the selector checked against the template's labels as ValidateDaemonSetSpec does. Which
 * pools' nodes run its pods, and what they hold there, is node-pools/daemon-set-pods.ts. Rollouts
 * (updateStrategy) have nothing to roll here: one template.
 */
import { z } from 'zod';
import type { ProblemSink } from '../problem-sink.js';
import { stringMap } from '../schema/fields.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { PodTemplateSchema } from './pod-template-schema.js';
import { toPodTemplate } from './pod-template.js';
import { checkSelectorMatchesTemplate } from './workload.js';

const DaemonSetSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string().min(1).describe('the object name'), namespace: z.string().min(1).default('default') }),
  spec: z.looseObject({
    selector: z.looseObject({ matchLabels: stringMap().describe('a map of labels the pods must carry') }),
    template: PodTemplateSchema,
  }),
});

export function loadDaemonSet(ref: DocRef, _apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(DaemonSetSchema, ref, [], (p) => sink.error(p));
  if (!input) return markBroken(out, 'DaemonSet', ref);
  checkSelectorMatchesTemplate('DaemonSet', input.spec.selector.matchLabels, input.spec.template.metadata.labels, ref, sink);
  const { template } = toPodTemplate(input.spec.template, ref, ['spec', 'template'], sink);
  const hostNetwork = ref.valueAt(['spec', 'template', 'spec', 'hostNetwork']) === true;
  out.daemonSets.push({ spec: { name: input.metadata.name, namespace: input.metadata.namespace, template, hostNetwork, source: ref.sourceRef() }, ref });
}
