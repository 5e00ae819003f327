/**
 * Deployment and StatefulSet manifests → WorkloadSpec: metadata and replicas with the API defaults
 * (namespace "default", replicas 1; a StatefulSet's podManagementPolicy OrderedReady, its update strategy
 * and minReadySeconds as stateful-set-update.ts reads them), and the
 * validation of pkg/apis/apps/validation that a selector must be non-empty and match the template labels.
 */
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { WorkloadKind } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { markBroken, type ManifestSet } from './manifest-set.js';
import { toPodTemplate } from './pod-template.js';
import { StatefulSetSettingsSchema, WorkloadManifestSchema } from './pod-template-schema.js';
import { warnUnmodelledWorkloadFields } from './unmodelled-fields.js';
import { readRolloutSettings } from './deployment-strategy.js';
import { readStatefulSetUpdate } from './stateful-set-update.js';

/** Reads one workload object into `out` (problems go to `sink`; an unreadable one is only marked broken). */
/** ValidateDeploymentSpec / ValidateDaemonSetSpec: a selector, not empty, that the template's labels satisfy. */
export function checkSelectorMatchesTemplate(kind: string, selector: Record<string, string>, labels: Record<string, string>, ref: DocRef, sink: ProblemSink): void {
  if (Object.keys(selector).length === 0) {
    sink.error(ref.problem(['spec', 'selector', 'matchLabels'], `empty selector is invalid for a ${kind}`));
  } else if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
    sink.error(
      ref.problem(
        ['spec', 'template', 'metadata', 'labels'],
        '`selector` does not match template `labels`',
        `the template labels must include every spec.selector.matchLabels entry (${Object.entries(selector).map(([k, v]) => `${k}: ${v}`).join(', ')})`,
      ),
    );
  }
}

export function loadWorkload(kind: WorkloadKind, ref: DocRef, apiVersion: string, out: ManifestSet, sink: ProblemSink): void {
  const input = parseWithSchema(WorkloadManifestSchema, ref, [], (p) => sink.error(p));
  const statefulSet = kind === 'StatefulSet' ? parseWithSchema(StatefulSetSettingsSchema, ref, ['spec'], (p) => sink.error(p)) : undefined;
  // The update strategy is read once the spec itself is (a spec that is no object is reported once).
  const update = kind === 'StatefulSet' && input && statefulSet ? readStatefulSetUpdate(ref, sink) : undefined;
  if (!input || (kind === 'StatefulSet' && (!statefulSet || !update))) {
    markBroken(out, kind, ref);
    return;
  }
  warnUnmodelledWorkloadFields(kind, ref, sink);
  const rollout = kind === 'Deployment' ? readRolloutSettings(ref, sink) : undefined;
  const selector = input.spec.selector.matchLabels;
  checkSelectorMatchesTemplate(kind, selector, input.spec.template.metadata.labels, ref, sink);
  const { template, containerPaths, sidecarPaths } = toPodTemplate(input.spec.template, ref, ['spec', 'template'], sink);
  out.workloads.push({
    spec: {
      kind,
      ...(statefulSet
        ? {
            statefulSet: {
              podManagementPolicy: statefulSet.podManagementPolicy,
              ...(statefulSet.serviceName ? { serviceName: statefulSet.serviceName } : {}),
              updateStrategy: update!.updateStrategy,
              minReadySeconds: update!.minReadySeconds,
            },
          }
        : {}),
      ...(rollout ? { rollout } : {}),
      apiVersion,
      name: input.metadata.name,
      namespace: input.metadata.namespace,
      replicas: input.spec.replicas,
      selector,
      template,
      source: ref.sourceRef(),
    },
    ref,
    containerPaths,
    sidecarPaths,
  });
}
