/**
 * A StatefulSet manifest's rollout fields → its update strategy and minReadySeconds:
 * spec.updateStrategy (type RollingUpdate or OnDelete; rollingUpdate.partition and maxUnavailable)
 * with SetDefaults_StatefulSet's defaults (cluster/stateful-set/update-strategy.ts: an unset type is
 * RollingUpdate with partition 0 and maxUnavailable 1; a type written RollingUpdate without a
 * rollingUpdate keeps none), checked as pkg/apis/apps/validation does
 * (ValidateStatefulSetUpdateStrategy, validateRollingUpdateStatefulSet): partition not negative,
 * maxUnavailable a count above 0 or a percentage of at most 100%, no rollingUpdate under OnDelete,
 * minReadySeconds not negative.
 */
import { z } from 'zod';
import { STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT, STATEFUL_SET_UPDATE_DEFAULT, type StatefulSetRollingUpdate, type StatefulSetUpdateStrategy } from '../../cluster/stateful-set/update-strategy.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';
import { intOrPercent } from './deployment-strategy.js';

const StatefulSetUpdateSchema = z.looseObject({
  spec: z.looseObject({
    updateStrategy: z
      .looseObject({
        // "" is unset: SetDefaults_StatefulSet makes it RollingUpdate with a defaulted rollingUpdate.
        type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['RollingUpdate', 'OnDelete']).nullish()).describe('RollingUpdate (the default) or OnDelete'),
        rollingUpdate: z
          .looseObject({
            partition: z.number().int().nullish().describe('ordinals below it keep the current revision'),
            maxUnavailable: z.union([z.number().int(), z.string()]).nullish().describe('a number of pods or a percentage of spec.replicas such as "25%"'),
          })
          .nullish(),
      })
      .nullish(),
    minReadySeconds: z.number().int().min(0).nullish().describe('seconds a pod must be Ready to count as available'),
  }),
});

type Path = (string | number)[];

/** The StatefulSet's update strategy and minReadySeconds; undefined after reporting a problem. */
export function readStatefulSetUpdate(ref: DocRef, sink: ProblemSink): { updateStrategy: StatefulSetUpdateStrategy; minReadySeconds: number } | undefined {
  const input = parseWithSchema(StatefulSetUpdateSchema, ref, [], (p) => sink.error(p));
  if (input === undefined) return undefined;
  const minReadySeconds = input.spec.minReadySeconds ?? 0;
  const strategy = input.spec.updateStrategy ?? undefined;
  const type = strategy?.type ?? undefined;
  const rolling = strategy?.rollingUpdate ?? undefined;
  const at: Path = ['spec', 'updateStrategy', 'rollingUpdate'];
  if (type === 'OnDelete') {
    if (rolling !== undefined) {
      sink.error(ref.problem(at, "only allowed for updateStrategy 'RollingUpdate'", 'remove rollingUpdate, or use type RollingUpdate'));
      return undefined;
    }
    return { updateStrategy: { type }, minReadySeconds };
  }
  // An unset type gets a rollingUpdate ({} if none); an explicit RollingUpdate keeps what it has.
  if (rolling === undefined && type === undefined) return { updateStrategy: STATEFUL_SET_UPDATE_DEFAULT, minReadySeconds };
  if (rolling === undefined) return { updateStrategy: { type: 'RollingUpdate', rollingUpdate: undefined }, minReadySeconds };
  const rollingUpdate = readRollingUpdate(rolling, at, ref, sink);
  return rollingUpdate === undefined ? undefined : { updateStrategy: { type: 'RollingUpdate', rollingUpdate }, minReadySeconds };
}

function readRollingUpdate(
  rolling: { partition?: number | null; maxUnavailable?: number | string | null },
  at: Path,
  ref: DocRef,
  sink: ProblemSink,
): StatefulSetRollingUpdate | undefined {
  const partition = rolling.partition ?? 0;
  let ok = true;
  if (partition < 0) {
    sink.error(ref.problem([...at, 'partition'], `must be greater than or equal to 0 (got ${partition})`, 'write the lowest ordinal to update (0 updates every pod)'));
    ok = false;
  }
  const maxUnavailable = intOrPercent(rolling.maxUnavailable, STATEFUL_SET_MAX_UNAVAILABLE_DEFAULT, [...at, 'maxUnavailable'], ref, sink, true);
  if (maxUnavailable === undefined) return undefined;
  if (maxUnavailable.value === 0) {
    sink.error(ref.problem([...at, 'maxUnavailable'], 'cannot be 0', 'write 1 or more pods, or a percentage above 0%'));
    return undefined;
  }
  return ok ? { partition, maxUnavailable } : undefined;
}
