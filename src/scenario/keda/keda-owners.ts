/**
 * The KEDA objects that own triggers (ScaledObjects and ScaledJobs), by name, and the
 * `<owner>/<trigger index or trigger name>` references scenario.yaml uses for their triggers
 * (spec.triggers keys, faults). Owner names must be unique across both kinds and all namespaces,
 * since scenario.yaml and the resolved scenario name owners by name alone.
 */
import type { ParsedTrigger, TriggerSpec } from '../../autoscalers/keda/types.js';
import { suggestionHint } from '../did-you-mean.js';
import type { ManifestSet } from '../manifests/manifest-set.js';
import type { ProblemSink } from '../problem-sink.js';
import type { DocRef } from '../yaml/doc-ref.js';

export interface TriggerOwner {
  kind: 'ScaledObject' | 'ScaledJob';
  name: string;
  triggers: readonly TriggerSpec[];
  parsed: readonly (ParsedTrigger | undefined)[];
  ref: DocRef;
}

/** `unreadable`: the owner exists but could not be read; its problems are reported already, so this one need not be. */
export type TriggerRefResult = { ok: true; owner: TriggerOwner; triggerIndex: number } | { ok: false; message: string; hint?: string; unreadable?: boolean };

/** Names of ScaledObjects and ScaledJobs the reader could not read (their own problems are reported). */
export function unreadableOwnerNames(manifests: ManifestSet): Set<string> {
  const names = new Set<string>();
  for (const key of manifests.broken) {
    const [kind, , name] = key.split('/');
    if ((kind === 'ScaledObject' || kind === 'ScaledJob') && name !== undefined) names.add(name);
  }
  return names;
}

/** Every owner by name; a name used twice is reported at the second object. */
export function indexTriggerOwners(manifests: ManifestSet, sink: ProblemSink): Map<string, TriggerOwner> {
  const owners = new Map<string, TriggerOwner>();
  const all: TriggerOwner[] = [
    ...manifests.scaledObjects.map((o) => ({ kind: 'ScaledObject' as const, name: o.spec.name, triggers: o.spec.triggers, parsed: o.parsed, ref: o.ref })),
    ...manifests.scaledJobs.map((j) => ({ kind: 'ScaledJob' as const, name: j.spec.name, triggers: j.spec.triggers, parsed: j.parsed, ref: j.ref })),
  ];
  for (const owner of all) {
    const first = owners.get(owner.name);
    if (!first) {
      owners.set(owner.name, owner);
      continue;
    }
    if (first.kind === owner.kind && first.ref.valueAt(['metadata', 'namespace']) === owner.ref.valueAt(['metadata', 'namespace'])) continue; // a duplicate object, reported by the reader
    const at = first.ref.position();
    sink.error(
      owner.ref.problem(['metadata', 'name'], `the name "${owner.name}" is also used by ${first.kind} ${first.name} (${at.file}:${at.line})`, 'give every ScaledObject and ScaledJob its own name: scenario.yaml refers to them by name alone'),
    );
  }
  return owners;
}

/** Resolves "<owner>/<index or name>". */
export function resolveTriggerRef(text: string, owners: ReadonlyMap<string, TriggerOwner>, unreadable: ReadonlySet<string> = new Set()): TriggerRefResult {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) {
    return { ok: false, message: `"${text}" is not a trigger reference`, hint: 'write <ScaledObject or ScaledJob name>/<trigger index or trigger name>, e.g. my-scaledobject/0' };
  }
  const ownerName = text.slice(0, slash);
  const triggerText = text.slice(slash + 1);
  const owner = owners.get(ownerName);
  if (!owner) {
    if (unreadable.has(ownerName)) return { ok: false, message: `${ownerName} could not be read`, unreadable: true };
    const hint = suggestionHint(ownerName, [...owners.keys()], 'ScaledObjects and ScaledJobs') ?? 'there is no ScaledObject or ScaledJob in the manifests';
    return { ok: false, message: `no ScaledObject or ScaledJob named "${ownerName}"`, hint };
  }
  const count = owner.triggers.length;
  if (/^\d+$/.test(triggerText)) {
    const index = Number(triggerText);
    if (index < count) return { ok: true, owner, triggerIndex: index };
    return { ok: false, message: `${owner.kind} ${ownerName} has ${count} trigger(s); index ${index} is out of range`, hint: `use an index from 0 to ${count - 1}, or a trigger name` };
  }
  const index = owner.triggers.findIndex((t) => t.name === triggerText);
  if (index >= 0) return { ok: true, owner, triggerIndex: index };
  const names = owner.triggers.flatMap((t) => (t.name !== undefined ? [t.name] : []));
  const hint = suggestionHint(triggerText, names, 'trigger names') ?? `use a trigger index from 0 to ${count - 1} (its triggers have no names)`;
  return { ok: false, message: `${owner.kind} ${ownerName} has no trigger named "${triggerText}"`, hint };
}

/** "kafka trigger spec.triggers[1] of ScaledObject worker". */
export function describeTrigger(owner: TriggerOwner, index: number): string {
  const trigger = owner.triggers[index];
  const name = trigger?.name !== undefined ? ` "${trigger.name}"` : '';
  return `${trigger?.type ?? 'the'} trigger${name} spec.triggers[${index}] of ${owner.kind} ${owner.name}`;
}
