/**
 * The taint manager for a pod bound to a node that already carries NoExecute taints: a node pool's
 * own (`nodePools[].taints`), or the unreachable taint of a NotReady node for a pod that tolerates
 * its NoSchedule twin. kube-controller-manager's taint eviction controller
 * (pkg/controller/tainteviction taint_eviction.go handlePodUpdate → processPodOnNode) hears of the
 * pod once it is bound and schedules its deletion as for a pod that was there when the taint went
 * on (taint-eviction.ts): at once, after the smallest tolerationSeconds among the pod's tolerations
 * that match the node's NoExecute taints (the DefaultTolerationSeconds admission plugin's 300 s
 * included), or never; the time counts from the bind.
 *
 * The deletion is dropped when the pod has left the node (deleted, or the node gone) or when the
 * node's NoExecute taints changed meanwhile: upstream then processes the node's pods again
 * (handleNodeUpdate → processPodOnNode), removed taints cancel the eviction, and the NotReady
 * taints scalesim puts on schedule their own (node-lifecycle.ts scheduleTaintEvictions). A pod
 * placed by the warm start (Running since before t = 0) counts from t = 0.
 */
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';
import type { SimNode, SimPod } from './model.js';
import { admittedTolerations, taintEviction } from './taint-eviction.js';

const COMPONENT = 'taint-eviction-controller';

/** The node's NoExecute taints as one text ('' for none): what the eviction was decided on. */
function noExecuteTaints(node: SimNode): string {
  let text = '';
  for (const t of node.taints) if (t.effect === 'NoExecute') text += `${t.key}=${t.value ?? ''}:NoExecute,`;
  return text;
}

/** What deletes a pod (the cluster): given the seconds of its termination grace period. */
export interface PodDeleter {
  deletePod(pod: SimPod, terminationGracePeriodSeconds: number): void;
}

/**
 * Schedules the taint manager's deletion of `pod`, just bound to `node`, if the node's NoExecute
 * taints call for one; `pods` deletes it, with its own termination grace period.
 */
export function scheduleEvictionOnBind(sim: Simulation, pod: SimPod, node: SimNode, pods: PodDeleter): void {
  const taints = noExecuteTaints(node);
  if (taints === '') return;
  const eviction = taintEviction(admittedTolerations(pod.tolerations), node.taints);
  const evict = (): void => {
    if (pod.removed || pod.node !== node || pod.deletionSeconds !== undefined || node.removed) return;
    if (noExecuteTaints(node) !== taints) return;
    pods.deletePod(pod, pod.template.terminationGracePeriodSeconds);
  };
  // At once means as soon as the controller runs, after the bind has finished (tolerationSeconds ≤ 0:
  // the scheduler binds no pod that does not tolerate a NoExecute taint at all).
  if (eviction.kind === 'now') sim.scheduleAfter(0, Phase.LIFECYCLE, COMPONENT, evict);
  else if (eviction.kind === 'after') sim.scheduleAfter(eviction.delaySeconds, Phase.LIFECYCLE, COMPONENT, evict);
}
