/**
 * Each pod template's spec.priority and spec.preemptionPolicy as the Priority admission plugin sets
 * them when the workload's controller creates a pod (plugin/pkg/admission/priority/admission.go
 * admitPod): a named priorityClassName must exist (the user's or a built-in system class), else the
 * pod is forbidden ("no PriorityClass with name … was found"); without a name the globalDefault
 * class's value applies, else 0 (DefaultPriorityWhenNoDefaultClassExists); a spec.priority or
 * spec.preemptionPolicy written in the template must equal what the class gives. Run once every
 * manifest is read (a PriorityClass may come after the workloads naming it). Templates keep no
 * field for the defaults (priority 0, PreemptLowerPriority), so scenarios without priorities are
 * unchanged.
 */
import { suggestionHint } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';
import type { FieldPath } from '../yaml/field-path.js';
import { admittedTemplates } from './admitted-templates.js';
import { objectKey, type ManifestSet } from './manifest-set.js';
import { SYSTEM_PRIORITY_CLASSES, type PreemptionPolicy, type PriorityClassSpec } from './priority-class.js';

/** The pod priority, and preemption policy, a template's pods get; problems go to `sink`. */
export function resolvePodPriorities(manifests: ManifestSet, sink: ProblemSink): void {
  const classes = new Map<string, PriorityClassSpec>(SYSTEM_PRIORITY_CLASSES);
  for (const c of manifests.priorityClasses) classes.set(c.spec.name, c.spec);
  const globalDefault = defaultClass(manifests);
  for (const { template, ref, specPath } of admittedTemplates(manifests)) {
    const resolved = resolveOne(ref, specPath, classes, globalDefault, manifests, sink);
    if (resolved === undefined) continue;
    if (resolved.priority !== 0) template.priority = resolved.priority;
    if (resolved.className !== undefined) template.priorityClassName = resolved.className;
    if (resolved.preemptionPolicy === 'Never') template.preemptionPolicy = 'Never';
  }
}

/** getDefaultPriorityClass: the globalDefault class with the lowest value (only one is admitted: priority-class.ts). */
function defaultClass(manifests: ManifestSet): PriorityClassSpec | undefined {
  let found: PriorityClassSpec | undefined;
  for (const c of manifests.priorityClasses) if (c.spec.globalDefault && (found === undefined || c.spec.value < found.value)) found = c.spec;
  return found;
}

function resolveOne(
  ref: DocRef,
  specPath: FieldPath,
  classes: ReadonlyMap<string, PriorityClassSpec>,
  globalDefault: PriorityClassSpec | undefined,
  manifests: ManifestSet,
  sink: ProblemSink,
): { priority: number; preemptionPolicy: PreemptionPolicy | undefined; className: string | undefined } | undefined {
  const className = ref.valueAt([...specPath, 'priorityClassName']);
  let cls: PriorityClassSpec | undefined;
  if (className !== undefined && className !== null && className !== '') {
    if (typeof className !== 'string') {
      sink.error(ref.problem([...specPath, 'priorityClassName'], 'expected a string (the name of a PriorityClass)'));
      return undefined;
    }
    cls = classes.get(className);
    if (cls === undefined) {
      // A class that was written but could not be read is already reported.
      if (manifests.broken.has(objectKey('PriorityClass', 'default', className)) || manifests.incomplete) return undefined;
      const known = [...classes.keys(), ...[...manifests.broken].flatMap((k) => (k.startsWith('PriorityClass/') ? [k.split('/')[2]!] : []))];
      const close = suggestionHint(className, known, 'PriorityClasses');
      const hint = close?.startsWith('did you mean') ? close : `define a scheduling.k8s.io/v1 PriorityClass named ${className}; ${close}`;
      sink.error(ref.problem([...specPath, 'priorityClassName'], `no PriorityClass with name ${className} was found`, hint));
      return undefined;
    }
  } else cls = globalDefault;
  const priority = cls?.value ?? 0;
  const written = ref.valueAt([...specPath, 'priority']);
  if (written !== undefined && written !== null) {
    if (typeof written !== 'number' || !Number.isInteger(written)) {
      sink.error(ref.problem([...specPath, 'priority'], 'expected an integer'));
      return undefined;
    }
    if (written !== priority) {
      const from = cls === undefined ? 'no PriorityClass (no globalDefault class: 0)' : `PriorityClass ${cls.name}`;
      sink.error(
        ref.problem([...specPath, 'priority'], `the integer value of priority (${written}) must not be provided in pod spec; priority admission controller computed ${priority} from ${from}`, 'remove spec.priority and set priorityClassName'),
      );
      return undefined;
    }
  }
  const writtenPolicy = ref.valueAt([...specPath, 'preemptionPolicy']);
  if (writtenPolicy !== undefined && writtenPolicy !== null && writtenPolicy !== 'Never' && writtenPolicy !== 'PreemptLowerPriority') {
    sink.error(ref.problem([...specPath, 'preemptionPolicy'], `unsupported value ${JSON.stringify(writtenPolicy)}; expected PreemptLowerPriority or Never`));
    return undefined;
  }
  // A class's policy replaces the pod's (and must agree with one written); without a class the pod's own stands.
  let preemptionPolicy = writtenPolicy as PreemptionPolicy | undefined;
  if (cls !== undefined) {
    if (writtenPolicy !== undefined && writtenPolicy !== null && writtenPolicy !== cls.preemptionPolicy) {
      sink.error(
        ref.problem([...specPath, 'preemptionPolicy'], `the string value of PreemptionPolicy (${writtenPolicy}) must not be provided in pod spec; priority admission controller computed ${cls.preemptionPolicy} from PriorityClass ${cls.name}`, 'remove spec.preemptionPolicy; set it on the PriorityClass'),
      );
      return undefined;
    }
    preemptionPolicy = cls.preemptionPolicy;
  }
  return { priority, preemptionPolicy, className: cls?.name };
}
