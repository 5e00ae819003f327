/**
 * The RuntimeClass admission plugin on every pod template (plugin/pkg/admission/runtimeclass
 * admission.go), once every manifest is read (after LimitRanger and Priority, before the quota
 * checks, as in the API server's plugin order):
 * - a pod naming a RuntimeClass that does not exist is forbidden (`pod rejected: RuntimeClass "x"
 *   not found`), so the scenario is refused at spec.runtimeClassName;
 * - setOverhead: the class's overhead.podFixed becomes the pod's spec.overhead; a template that
 *   writes spec.overhead must write exactly the class's (validateOverhead: "Pod's Overhead doesn't
 *   match RuntimeClass's defined Overhead"), and one without a class with an overhead may write none;
 * - setScheduling: the class's scheduling.nodeSelector is merged into the pod's (a key with another
 *   value is a conflict and forbidden) and its tolerations are added.
 * The overhead then counts in the pod's requests (pod-requests.ts) and quota usage (quota-usage.ts).
 */
import { isValueFormatError } from '../../errors/value-format-error.js';
import { parseCpuMillicores, parseMemoryBytes } from '../../units/quantity.js';
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { Toleration } from '../types.js';
import { admittedTemplates, type AdmittedTemplate } from './admitted-templates.js';
import { objectKey, type ManifestSet } from './manifest-set.js';
import type { RuntimeClassSpec } from './runtime-class.js';

export function admitRuntimeClasses(manifests: ManifestSet, sink: ProblemSink): void {
  const classes = new Map(manifests.runtimeClasses.map((c) => [c.spec.name, c.spec]));
  for (const admitted of admittedTemplates(manifests)) {
    const name = admitted.template.runtimeClassName;
    const runtimeClass = name === undefined ? undefined : classes.get(name);
    if (name !== undefined && runtimeClass === undefined) {
      if (manifests.broken.has(objectKey('RuntimeClass', 'default', name)) || manifests.incomplete) continue;
      const hint = suggestionHint(name, [...classes.keys()], 'RuntimeClasses');
      sink.error(admitted.ref.problem([...admitted.specPath, 'runtimeClassName'], `pods of ${admitted.owner} would be forbidden: pod rejected: RuntimeClass "${name}" not found`, hint?.startsWith('did you mean') ? hint : `define a node.k8s.io/v1 RuntimeClass named ${name}`));
      continue;
    }
    setOverhead(admitted, runtimeClass, sink);
    if (runtimeClass !== undefined) setScheduling(admitted, runtimeClass, sink);
  }
}

/** spec.overhead as written in the template: its resource names, and cpu and memory in the class's units; undefined when not written. */
function writtenOverhead(admitted: AdmittedTemplate, sink: ProblemSink): { resources: string[]; cpuMillicores?: number; memoryBytes?: number } | 'invalid' | undefined {
  const at = [...admitted.specPath, 'overhead'];
  const value = admitted.ref.valueAt(at);
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  const list = value as Record<string, unknown>;
  try {
    return { resources: Object.keys(list), ...(list.cpu !== undefined ? { cpuMillicores: parseCpuMillicores(list.cpu) } : {}), ...(list.memory !== undefined ? { memoryBytes: parseMemoryBytes(list.memory) } : {}) };
  } catch (e) {
    if (!isValueFormatError(e)) throw e;
    sink.error(admitted.ref.problem(at, e.message, e.hint));
    return 'invalid';
  }
}

/** apiequality.Semantic.DeepEqual over the lists: the same resource names and, for those modelled, the same amounts. */
function sameOverhead(written: Exclude<ReturnType<typeof writtenOverhead>, 'invalid' | undefined>, runtimeClass: RuntimeClassSpec): boolean {
  const defined = runtimeClass.overhead ?? {};
  const names = (list: readonly string[]): string => [...list].sort().join(',');
  return names(written.resources) === names(runtimeClass.overheadResources) && written.cpuMillicores === defined.cpuMillicores && written.memoryBytes === defined.memoryBytes;
}

function setOverhead(admitted: AdmittedTemplate, runtimeClass: RuntimeClassSpec | undefined, sink: ProblemSink): void {
  const written = writtenOverhead(admitted, sink);
  if (written === 'invalid') return;
  const defined = runtimeClass?.overhead;
  const at = [...admitted.specPath, 'overhead'];
  if (defined === undefined) {
    if (written !== undefined) sink.error(admitted.ref.problem(at, `pods of ${admitted.owner} would be forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead`, 'remove spec.overhead: the RuntimeClass admission plugin sets it from the pod\'s RuntimeClass'));
    return;
  }
  if (written !== undefined && !sameOverhead(written, runtimeClass!)) {
    sink.error(admitted.ref.problem(at, `pods of ${admitted.owner} would be forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead`, `remove spec.overhead, or write RuntimeClass ${runtimeClass!.name}'s overhead.podFixed`));
    return;
  }
  if (defined.cpuMillicores !== undefined) admitted.template.overheadCpuMillicores = defined.cpuMillicores;
  if (defined.memoryBytes !== undefined) admitted.template.overheadMemoryBytes = defined.memoryBytes;
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return a.key === b.key && a.operator === b.operator && a.value === b.value && a.effect === b.effect;
}

function setScheduling(admitted: AdmittedTemplate, runtimeClass: RuntimeClassSpec, sink: ProblemSink): void {
  const template = admitted.template;
  const nodeSelector = { ...template.nodeSelector };
  for (const [key, value] of Object.entries(runtimeClass.nodeSelector)) {
    const own = nodeSelector[key];
    if (own !== undefined && own !== value) {
      sink.error(
        admitted.ref.problem([...admitted.specPath, 'nodeSelector', key], `pods of ${admitted.owner} would be forbidden: conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${value}; pod.spec.nodeSelector[${key}] = ${own}`),
      );
      return;
    }
    nodeSelector[key] = value;
  }
  template.nodeSelector = nodeSelector;
  const added = runtimeClass.tolerations.filter((t) => !template.tolerations.some((own) => sameToleration(own, t)));
  if (added.length > 0) template.tolerations = [...template.tolerations, ...added];
}
