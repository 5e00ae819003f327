/**
 * When the taint manager evicts a pod from a node with NoExecute taints, from the pod's tolerations.
 * Pure: tolerations and taints in, the delay (or never) out, with a reason.
 *
 * Sources (kubernetes/kubernetes):
 * - plugin/pkg/admission/defaulttolerationseconds admission.go Admit: a pod with no toleration whose
 *   key is node.kubernetes.io/not-ready (or empty) and whose effect is NoExecute (or empty) gets
 *   `{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds:
 *   300}` appended, and the same for node.kubernetes.io/unreachable
 *   (--default-not-ready-toleration-seconds, --default-unreachable-toleration-seconds = 300). The
 *   test reads the key and the effect only, not the operator or the seconds.
 * - pkg/controller/tainteviction taint_eviction.go processPodOnNode: with no NoExecute taint nothing
 *   is scheduled; when some taint is tolerated by no toleration (v1helper.GetMatchingTolerations)
 *   the pod is deleted at once (kind `now`); otherwise after getMinTolerationTime of the matching
 *   tolerations: the smallest tolerationSeconds among them (≤ 0 giving a delay of 0), or never when
 *   none of them sets one.
 * - GetMatchingTolerations (pkg/apis/core/v1/helper/helpers.go) takes, per taint, the FIRST
 *   toleration in the pod's list that tolerates it (and stops looking): a later toleration of the
 *   same taint with other seconds does not count. Reproduced: with `[{operator: Exists}, {key:
 *   node.kubernetes.io/unreachable, effect: NoExecute, tolerationSeconds: 30}]` the blanket
 *   toleration comes first and the pod stays forever.
 */
import { toleratesTaint } from './scheduling-filter.js';
import type { Taint, Toleration } from '../scenario/types.js';

/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds (kube-apiserver, DefaultTolerationSeconds plugin). */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY_KEY = 'node.kubernetes.io/not-ready';
const UNREACHABLE_KEY = 'node.kubernetes.io/unreachable';

/** Whether a toleration counts, for the admission plugin, as one for `key`'s NoExecute taint (key and effect only). */
function coversForAdmission(t: Toleration, key: string): boolean {
  return (t.key === undefined || t.key === key) && (t.effect === undefined || t.effect === 'NoExecute');
}

/** The pod's tolerations after the DefaultTolerationSeconds admission plugin: the two defaults appended where missing. */
export function admittedTolerations(tolerations: readonly Toleration[], defaultSeconds = DEFAULT_TOLERATION_SECONDS): Toleration[] {
  const result = [...tolerations];
  for (const key of [NOT_READY_KEY, UNREACHABLE_KEY]) {
    if (!tolerations.some((t) => coversForAdmission(t, key))) result.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultSeconds });
  }
  return result;
}

export type TaintEviction =
  | { kind: 'none'; reason: string }
  | { kind: 'now'; reason: string }
  | { kind: 'after'; delaySeconds: number; reason: string }
  | { kind: 'never'; reason: string };

function describeTaint(taint: Taint): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${taint.effect}`;
}

/**
 * processPodOnNode for a pod whose (admitted) `tolerations` meet the node's `taints` (only the
 * NoExecute ones count): when the pod is evicted, counted from the moment the taints were found.
 */
export function taintEviction(tolerations: readonly Toleration[], taints: readonly Taint[]): TaintEviction {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { kind: 'none', reason: 'the node has no NoExecute taint' };
  let minSeconds = Number.POSITIVE_INFINITY;
  for (const taint of noExecute) {
    const first = tolerations.find((t) => toleratesTaint([t], taint));
    if (first === undefined) return { kind: 'now', reason: `no toleration of ${describeTaint(taint)}: evicted at once` };
    if (first.tolerationSeconds !== undefined && first.tolerationSeconds < minSeconds) minSeconds = first.tolerationSeconds;
  }
  const taintList = noExecute.map(describeTaint).join(', ');
  if (minSeconds === Number.POSITIVE_INFINITY) return { kind: 'never', reason: `${taintList} tolerated with no tolerationSeconds: never evicted` };
  // getMinTolerationTime returns 0: a timed eviction of no time, which processPodOnNode treats as any other (taint-manager.ts).
  if (minSeconds <= 0) return { kind: 'after', delaySeconds: 0, reason: `${taintList} tolerated for ${minSeconds} s (≤ 0): evicted at once` };
  return { kind: 'after', delaySeconds: minSeconds, reason: `${taintList} tolerated for ${minSeconds} s (the smallest tolerationSeconds of the matching tolerations)` };
}
