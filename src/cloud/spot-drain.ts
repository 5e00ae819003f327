/**
 * A spot pool's `interruptionHandling: drain`: what the common interruption handlers do on the
 * notice, which plain Kubernetes never hears (it comes from the instance metadata service or an
 * EventBridge queue): the AWS Node Termination Handler (aws-node-termination-handler
 * pkg/config/config.go: enable-spot-interruption-draining on by default) cordons the node and drains
 * it with kubectl's drain library, through the eviction API (so PodDisruptionBudgets are honoured),
 * each pod with its own terminationGracePeriodSeconds (pod-termination-grace-period -1), a refused
 * eviction tried again every 5 s (k8s.io/kubectl pkg/drain/drain.go evictPods: "will retry after
 * 5s") until the drain's timeout (node-termination-grace-period 120 s, the notice); Karpenter's
 * interruption controller and EKS managed node groups' rebalancing taint or cordon the node and
 * evict its pods the same way. The ReplicaSet replaces an evicted pod at once (a terminating pod
 * does not count), so the replacements start during the notice, on other nodes.
 * The eviction rounds are the cluster-autoscaler drain's (autoscalers/cluster-autoscaler/scale-down
 * eviction.ts): each eviction uses one disruption of every budget covering the pod. Retries stop at
 * the instance's termination; pods still there then (refused, or with a grace period longer than
 * what is left of the notice) lose their containers with it and go the way node-teardown.ts
 * describes. Not modelled: Karpenter deleting the Node object itself once the instance is gone
 * (here the cloud node lifecycle controller does), and a managed node group's replacement launched
 * before the drain (the group requests it at the termination, as without a handler).
 */
import { evictionRound } from '../autoscalers/cluster-autoscaler/scale-down/eviction.js';
import type { CaPdb, CaPod } from '../autoscalers/cluster-autoscaler/types.js';
import type { Cluster } from '../cluster/cluster.js';
import { NODE_UNSCHEDULABLE_TAINT } from '../cluster/node-health.js';
import type { SimNode, SimPod } from '../cluster/model.js';
import { Phase } from '../core/phases.js';
import type { Simulation } from '../core/simulation.js';

/** k8s.io/kubectl pkg/drain/drain.go evictPods: an eviction refused with 429 (a budget) is tried again 5 s later. */
export const DRAIN_EVICTION_RETRY_SECONDS = 5;

/** What the eviction API reads: the PodDisruptionBudgets with status.disruptionsAllowed as of now, and a pod as they see it. */
export interface EvictionApi {
  pdbs(): CaPdb[];
  view(pod: SimPod): CaPod;
}

/** On the notice: cordon `node` and evict its pods until the instance is terminated at `terminationSeconds`. */
export function drainOnNotice(sim: Simulation, cluster: Cluster, evictions: EvictionApi, node: SimNode, terminationSeconds: number): void {
  cluster.setTaint(node, NODE_UNSCHEDULABLE_TAINT, true);
  const evict = (pods: readonly SimPod[]): void => {
    if (node.removed || node.instanceGoneSeconds !== undefined) return;
    // A pod already terminating or gone counts as evicted (the eviction finds it deleting or NotFound).
    const round = evictionRound(
      pods.filter((p) => !p.removed && p.deletionSeconds === undefined),
      (p) => evictions.view(p),
      evictions.pdbs(),
    );
    for (const pod of round.evicted) cluster.deletePod(pod, pod.template.terminationGracePeriodSeconds);
    if (round.refused.length > 0 && sim.nowSeconds + DRAIN_EVICTION_RETRY_SECONDS < terminationSeconds) {
      sim.scheduleAfter(DRAIN_EVICTION_RETRY_SECONDS, Phase.LIFECYCLE, 'interruption-handler/drain', () => evict(round.refused));
    }
  };
  evict(cluster.podsOn(node));
}
