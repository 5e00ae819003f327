/**
 * The pod templates that admission plugins see once every manifest is read: each workload's, each
 * ScaledJob's and each DaemonSet's, with where it was written (for messages) and its namespace.
 * LimitRanger (limit-ranger.ts) and the quota checks (quota-constraints.ts) walk the same list.
 */
import type { ContainerSpec, PodTemplateSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import type { ManifestSet } from './manifest-set.js';

/** One pod template with where it was written, for messages. */
export interface AdmittedTemplate {
  template: PodTemplateSpec;
  namespace: string;
  ref: DocRef;
  /** Path of the template's pod spec in its document. */
  specPath: FieldPath;
  /** e.g. "Deployment web". */
  owner: string;
}

export function admittedTemplates(manifests: ManifestSet): AdmittedTemplate[] {
  return [
    ...manifests.workloads.map((w) => ({ template: w.spec.template, namespace: w.spec.namespace, ref: w.ref, specPath: ['spec', 'template', 'spec'], owner: `${w.spec.kind} ${w.spec.name}` })),
    ...manifests.scaledJobs.map((j) => ({ template: j.template.template, namespace: j.spec.namespace, ref: j.ref, specPath: ['spec', 'jobTargetRef', 'template', 'spec'], owner: `ScaledJob ${j.spec.name}` })),
    ...manifests.daemonSets.map((d) => ({ template: d.spec.template, namespace: d.spec.namespace, ref: d.ref, specPath: ['spec', 'template', 'spec'], owner: `DaemonSet ${d.spec.name}` })),
  ];
}

/** The containers admission visits, with their paths: app containers, then init containers (sidecars among them). */
export function containersOf(admitted: AdmittedTemplate): { container: ContainerSpec; path: FieldPath }[] {
  return [
    ...admitted.template.containers.map((container, i) => ({ container, path: [...admitted.specPath, 'containers', i] })),
    ...admitted.template.initContainers.map((container, i) => ({ container, path: [...admitted.specPath, 'initContainers', i] })),
  ];
}
