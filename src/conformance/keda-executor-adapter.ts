/**
 * Adapter for `keda.executor` vectors (§3.4): ages become times before VECTOR_NOW_SECONDS, nulls
 * take the KEDA defaults, and planScaledObjectScale decides.
 */
import { KEDA_DEFAULTS } from '../autoscalers/keda/config.js';
import { planScaledObjectScale, type ExecutorInput } from '../autoscalers/keda/executor.js';
import { VECTOR_NOW_SECONDS } from './hpa-vector-fields.js';
import { parseGoInt } from '../units/go-numbers.js';
import { InputFields } from './input-fields.js';

/**
 * The autoscaling.keda.sh/paused-replicas count: `pausedReplicaCount`, `pausedReplicas` or the
 * annotation's string form (GetPausedReplicaCount: strconv.ParseInt, so " 3" fails); null or absent
 * = not paused; 'unparsable' when ParseInt fails.
 */
function readPausedReplicas(f: InputFields): number | 'unparsable' | undefined {
  for (const key of ['pausedReplicaCount', 'pausedReplicas']) {
    const raw = f.raw(key);
    if (raw === undefined || raw === null) continue;
    if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
    if (typeof raw === 'string') return parseGoInt(raw, 32) ?? 'unparsable';
    throw new Error(`${f.path}.${key}: expected a whole replica count (the paused-replicas annotation), got ${JSON.stringify(raw)}`);
  }
  return undefined;
}

/** keda.executor: `{scaleTo, activeCondition, activeReason, readyCondition?, readyReason?, lastActiveTimeUpdated, reason}`. */
export function adaptKedaExecutor(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const now = VECTOR_NOW_SECONDS;
  const fallback = f.optObject('fallback');
  const lastActiveAge = f.optNumber('lastActiveTimeAgeSeconds');
  const executorInput: ExecutorInput = {
    minReplicaCount: f.optNumber('minReplicaCount') ?? KEDA_DEFAULTS.minReplicaCount,
    currentReplicas: f.number('currentReplicas'),
    isActive: f.optBoolean('isActive') ?? false,
    isError: f.optBoolean('isError') ?? false,
    creationSeconds: now - (f.optNumber('creationAgeSeconds') ?? 0),
    nowSeconds: now,
    cooldownPeriodSeconds: f.optNumber('cooldownPeriod') ?? f.optNumber('cooldownPeriodSeconds') ?? KEDA_DEFAULTS.cooldownPeriodSeconds,
    initialCooldownPeriodSeconds:
      f.optNumber('initialCooldownPeriod') ?? f.optNumber('initialCooldownPeriodSeconds') ?? KEDA_DEFAULTS.initialCooldownPeriodSeconds,
    pausedScaleIn: f.optBoolean('pausedScaleIn') ?? false,
    pausedScaleOut: f.optBoolean('pausedScaleOut') ?? false,
    forceActivation: f.optBoolean('forceActivation') ?? false,
  };
  const paused = readPausedReplicas(f);
  if (paused !== undefined && paused !== 'unparsable') executorInput.pausedReplicaCount = paused;
  const idle = f.optNumber('idleReplicaCount');
  if (idle !== undefined) executorInput.idleReplicaCount = idle;
  if (fallback !== undefined) executorInput.fallback = { replicas: fallback.number('replicas') };
  if (lastActiveAge !== undefined) executorInput.lastActiveTimeSeconds = now - lastActiveAge;
  // RequestScale: GetPausedReplicaCount's error sets Ready=False and returns before any scaling or
  // condition. (A scenario with such an annotation is refused when it loads.)
  if (paused === 'unparsable') {
    return { scaleTo: null, readyCondition: 'False', lastActiveTimeUpdated: false, reason: 'the paused-replicas annotation does not parse (strconv.ParseInt): Ready=False, no scaling' };
  }
  const d = planScaledObjectScale(executorInput);
  const out: Record<string, unknown> = { scaleTo: d.scaleTo, activeCondition: d.activeCondition, lastActiveTimeUpdated: d.lastActiveTimeUpdated, reason: d.reason };
  if (d.activeReason !== undefined) out.activeReason = d.activeReason;
  if (d.readyCondition !== undefined) out.readyCondition = d.readyCondition;
  if (d.readyReason !== undefined) out.readyReason = d.readyReason;
  return out;
}
