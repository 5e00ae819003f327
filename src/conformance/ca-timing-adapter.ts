/**
 * Adapter for `ca.scaleDownTiming` vectors (§4.3): ages instead of times. The vector's "now" is a
 * fixed instant; an age of A seconds is the time now − A.
 */
import { CA_DEFAULTS } from '../autoscalers/cluster-autoscaler/config.js';
import { scaleDownTiming } from '../autoscalers/cluster-autoscaler/scale-down/timing.js';
import { firstBoolean, firstNumber } from './ca-vector-fields.js';
import { InputFields } from './input-fields.js';

const VECTOR_NOW_SECONDS = 1_000_000;

/** Keys that make a vector ask about one node (not only the cooldown). */
const NODE_KEYS = ['nodeReady', 'unneededForSeconds', 'nodeGroupSize', 'nodeGroupMinSize', 'deletionsInProgress', 'scaleDownDisabled'];

function lastEventSeconds(f: InputFields, keys: readonly string[]): number | undefined {
  const age = firstNumber(f, keys);
  return age === undefined ? undefined : VECTOR_NOW_SECONDS - age;
}

/**
 * ca.scaleDownTiming: `{scaleDownInCooldown, cooldownReason?}`, plus `{removable, reason?}` when the
 * vector describes a node. Absent timers take the CA defaults.
 */
export function adaptCaScaleDownTiming(input: unknown): Record<string, unknown> {
  const f = InputFields.of(input);
  const result = scaleDownTiming({
    nowSeconds: VECTOR_NOW_SECONDS,
    ready: f.optBoolean('nodeReady') ?? true,
    unneededForSeconds: f.optNumber('unneededForSeconds'),
    unneededTimeSeconds: f.optNumber('scaleDownUnneededTimeSeconds') ?? CA_DEFAULTS.scaleDownUnneededTimeSeconds,
    unreadyTimeSeconds: f.optNumber('scaleDownUnreadyTimeSeconds') ?? CA_DEFAULTS.scaleDownUnreadyTimeSeconds,
    scaleDownDisabled: firstBoolean(f, ['scaleDownDisabled', 'scaleDownDisabledAnnotation']) ?? false,
    groupSize: f.optNumber('nodeGroupSize'),
    groupMinSize: f.optNumber('nodeGroupMinSize') ?? 0,
    deletionsInProgress: f.optNumber('deletionsInProgress') ?? 0,
    cooldown: {
      lastScaleUpSeconds: lastEventSeconds(f, ['secondsSinceLastScaleUp']),
      lastScaleDownFailureSeconds: lastEventSeconds(f, ['secondsSinceLastScaleDownFailure', 'secondsSinceLastScaleDownFail', 'secondsSinceLastFailure']),
      lastDeleteSeconds: lastEventSeconds(f, ['secondsSinceLastDelete', 'secondsSinceLastScaleDownDelete', 'secondsSinceLastScaleDown']),
      scaleDownDelayAfterAddSeconds: f.optNumber('scaleDownDelayAfterAddSeconds') ?? CA_DEFAULTS.scaleDownDelayAfterAddSeconds,
      scaleDownDelayAfterFailureSeconds: f.optNumber('scaleDownDelayAfterFailureSeconds') ?? CA_DEFAULTS.scaleDownDelayAfterFailureSeconds,
      scaleDownDelayAfterDeleteSeconds: f.optNumber('scaleDownDelayAfterDeleteSeconds') ?? CA_DEFAULTS.scaleDownDelayAfterDeleteSeconds,
    },
  });
  const out: Record<string, unknown> = { scaleDownInCooldown: result.scaleDownInCooldown };
  if (result.cooldownReason !== undefined) out.cooldownReason = result.cooldownReason;
  if (NODE_KEYS.some((k) => f.has(k))) {
    out.removable = result.removable;
    if (result.reason !== undefined) out.reason = result.reason;
  }
  return out;
}
