/**
 * scenario.yaml spec.faults → ScalerFaultSpec[]: each `scalerUnavailable` names either a trigger
 * type (every trigger of that type fails) or one trigger (`<owner>/<trigger>`), and a window
 * from < to in seconds since t = 0 (clock times are placed on the first day of the run).
 */
import { scalerTypes } from '../../autoscalers/keda/scalers/registry.js';
import { closestMatch } from '../did-you-mean.js';
import type { ProblemSink } from '../problem-sink.js';
import type { StartInstant } from '../resolve-start-time.js';
import { instantSeconds } from '../faults/fault-context.js';
import type { FaultInput } from '../schema/fault-schema.js';
import type { ScalerFaultSpec } from '../types.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { resolveTriggerRef, type TriggerOwner } from './keda-owners.js';

export interface FaultContext {
  owners: ReadonlyMap<string, TriggerOwner>;
  /** Owners that could not be read: references to them are not reported again. */
  unreadableOwners?: ReadonlySet<string>;
  start: StartInstant;
  scenarioRef: DocRef;
  sink: ProblemSink;
}

export function resolveScalerFaults(faults: readonly { index: number; fault: FaultInput }[], ctx: FaultContext): ScalerFaultSpec[] {
  const out: ScalerFaultSpec[] = [];
  for (const { index, fault } of faults) {
    const f = fault.scalerUnavailable;
    if (f === undefined) continue;
    const path = ['spec', 'faults', index, 'scalerUnavailable'];
    const error = (field: string | undefined, message: string, hint?: string) => ctx.sink.error(ctx.scenarioRef.problem(field ? [...path, field] : path, message, hint));
    const target = resolveTarget(f, path, ctx);
    const from = instantSeconds(f.from, [...path, 'from'], ctx);
    const to = instantSeconds(f.to, [...path, 'to'], ctx);
    if (from !== undefined && to !== undefined && !(from < to)) error('to', `the fault must end after it starts (from ${from} s, to ${to} s since t = 0)`, 'make to later than from');
    if (!target || from === undefined || to === undefined || !(from < to)) continue;
    const what = f.triggerType ?? f.trigger ?? 'scaler';
    out.push({ ...target, fromSeconds: from, toSeconds: to, message: f.message ?? `${what} unavailable (scenario fault spec.faults[${index}])` });
  }
  return out;
}

type Target = Pick<ScalerFaultSpec, 'triggerType' | 'owner' | 'triggerIndex'>;

function resolveTarget(f: NonNullable<FaultInput['scalerUnavailable']>, path: (string | number)[], ctx: FaultContext): Target | undefined {
  if ((f.triggerType === undefined) === (f.trigger === undefined)) {
    ctx.sink.error(ctx.scenarioRef.problem(path, 'set exactly one of triggerType or trigger', 'e.g. { triggerType: prometheus, … } or { trigger: my-scaledobject/0, … }'));
    return undefined;
  }
  if (f.trigger !== undefined) {
    const resolved = resolveTriggerRef(f.trigger, ctx.owners, ctx.unreadableOwners);
    if (resolved.ok) return { owner: resolved.owner.name, triggerIndex: resolved.triggerIndex };
    if (resolved.unreadable !== true) ctx.sink.error(ctx.scenarioRef.problem([...path, 'trigger'], resolved.message, resolved.hint));
    return undefined;
  }
  const type = f.triggerType as string;
  const types = [...scalerTypes()].sort();
  if (!types.includes(type)) {
    const close = closestMatch(type, types);
    ctx.sink.error(ctx.scenarioRef.problem([...path, 'triggerType'], `unknown trigger type "${type}"`, `${close ? `did you mean "${close}"? ` : ''}supported trigger types: ${types.join(', ')}`));
    return undefined;
  }
  const used = [...ctx.owners.values()].some((o) => o.triggers.some((t) => t.type === type));
  // An owner that could not be read may hold the trigger: say nothing rather than something false.
  if (!used && (ctx.unreadableOwners?.size ?? 0) === 0) ctx.sink.warn(ctx.scenarioRef.warning([...path, 'triggerType'], `no trigger of type ${type} in the manifests; this fault has no effect`));
  return { triggerType: type };
}
