/**
 * A Deployment manifest's rollout fields → RolloutSettings: spec.strategy (type RollingUpdate or
 * Recreate; rollingUpdate.maxSurge and maxUnavailable, each a count or a percentage),
 * spec.minReadySeconds and spec.progressDeadlineSeconds, with SetDefaults_Deployment's defaults
 * (RollingUpdate, 25% and 25%, 0, 600) and spec.paused, with the checks of pkg/apis/apps/validation
 * (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidateDeploymentSpec): a count
 * not negative, a percentage written "<digits>%", maxUnavailable at most 100%, not both 0, no
 * rollingUpdate under Recreate, progressDeadlineSeconds above minReadySeconds.
 */
import { z } from 'zod';
import { DEPLOYMENT_DEFAULTS, ROLLING_UPDATE_DEFAULTS, type IntOrPercent, type RolloutSettings } from '../../cluster/deployment/strategy.js';
import type { ProblemSink } from '../problem-sink.js';
import { parseWithSchema } from '../schema/zod-problems.js';
import type { DocRef } from '../yaml/doc-ref.js';

const PERCENT = /^[0-9]+%$/;

/** IntOrString as the API reads it; validation (validatePositiveIntOrPercent) follows in the resolver. */
const intOrString = () => z.union([z.number().int(), z.string()]).nullish().describe('a number of pods or a percentage of spec.replicas such as "25%"');

const DeploymentRolloutSchema = z.looseObject({
  spec: z.looseObject({
    strategy: z
      .looseObject({
        // "" is unset: SetDefaults_Deployment makes it RollingUpdate.
        type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['RollingUpdate', 'Recreate']).nullish()).describe('RollingUpdate (the default) or Recreate'),
        rollingUpdate: z.looseObject({ maxSurge: intOrString(), maxUnavailable: intOrString() }).nullish(),
      })
      .nullish(),
    minReadySeconds: z.number().int().min(0).nullish().describe('seconds a new pod must be Ready to count as available'),
    progressDeadlineSeconds: z.number().int().min(0).nullish().describe('seconds without progress before a rollout is reported stalled (2147483647: no deadline)'),
    paused: z.boolean().nullish().describe('a paused Deployment is not rolled out'),
  }),
});

type Path = (string | number)[];

/** validatePositiveIntOrPercent and IsNotMoreThan100Percent; undefined after a problem. */
export function intOrPercent(value: number | string | null | undefined, fallback: IntOrPercent, path: Path, ref: DocRef, sink: ProblemSink, atMost100: boolean): IntOrPercent | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') {
    if (value >= 0) return { kind: 'int', value };
    sink.error(ref.problem(path, `must be greater than or equal to 0 (got ${value})`, 'write a number of pods (0 or more) or a percentage such as "25%"'));
    return undefined;
  }
  if (!PERCENT.test(value)) {
    sink.error(ref.problem(path, `"${value}" is not a valid percent: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%', or '93%')`, 'write a number of pods or a percentage such as "25%"'));
    return undefined;
  }
  const percent = Number(value.slice(0, -1));
  if (atMost100 && percent > 100) {
    sink.error(ref.problem(path, `must not be greater than 100% (got ${value})`));
    return undefined;
  }
  return { kind: 'percent', value: percent };
}

/** The Deployment's rollout settings; undefined after reporting a problem. */
export function readRolloutSettings(ref: DocRef, sink: ProblemSink): RolloutSettings | undefined {
  const input = parseWithSchema(DeploymentRolloutSchema, ref, [], (p) => sink.error(p));
  if (input === undefined) return undefined;
  const { strategy } = input.spec;
  const minReadySeconds = input.spec.minReadySeconds ?? DEPLOYMENT_DEFAULTS.minReadySeconds;
  const progressDeadlineSeconds = input.spec.progressDeadlineSeconds ?? DEPLOYMENT_DEFAULTS.progressDeadlineSeconds;
  let ok = true;
  if (progressDeadlineSeconds <= minReadySeconds) {
    sink.error(ref.problem(['spec', 'progressDeadlineSeconds'], `must be greater than minReadySeconds (${minReadySeconds})`));
    ok = false;
  }
  const type = strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const paused = input.spec.paused ?? DEPLOYMENT_DEFAULTS.paused;
  const rolling = strategy?.rollingUpdate ?? undefined;
  if (type === 'Recreate') {
    if (rolling !== undefined) {
      sink.error(ref.problem(['spec', 'strategy', 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'", 'remove rollingUpdate, or use type RollingUpdate'));
      return undefined;
    }
    return ok ? { strategy: { type }, minReadySeconds, progressDeadlineSeconds, paused } : undefined;
  }
  const at: Path = ['spec', 'strategy', 'rollingUpdate'];
  const surge = intOrPercent(rolling?.maxSurge, ROLLING_UPDATE_DEFAULTS.maxSurge, [...at, 'maxSurge'], ref, sink, false);
  const unavailable = intOrPercent(rolling?.maxUnavailable, ROLLING_UPDATE_DEFAULTS.maxUnavailable, [...at, 'maxUnavailable'], ref, sink, true);
  if (surge === undefined || unavailable === undefined) return undefined;
  if (surge.value === 0 && unavailable.value === 0) {
    sink.error(ref.problem([...at, 'maxUnavailable'], 'may not be 0 when `maxSurge` is 0', 'let the rollout add pods (maxSurge) or take some away (maxUnavailable)'));
    return undefined;
  }
  return ok ? { strategy: { type, maxSurge: surge, maxUnavailable: unavailable }, minReadySeconds, progressDeadlineSeconds, paused } : undefined;
}
