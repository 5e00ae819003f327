/**
 * Fixtures shared by the tests of nodes the cluster-autoscaler's simulations keep though no pod
 * should land there (NotReady nodes, nodes being deleted): a one-group scale-up over two small
 * nodes, zone-spread web pods with their zone nodes and groups, and the removal simulation's drain options.
 */
import { planScaleUp } from '../../../src/autoscalers/cluster-autoscaler/scale-up-planner.js';
import type { CaNode, CaPod, CaSpreadConstraint } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { HOSTNAME_LABEL, ZONE_LABEL } from '../../../src/cluster/topology-spread-score.js';
import { GIB, group, node, pod, seeded, settings, template } from './builders.js';

export const NOW = 1000;

/**
 * filterOutSchedulable's case: `special(n-0)` with 800m free beside a full n-1, both of group
 * `small` (1000m, 4 GiB, target 2); returns the scale-up plan for a pending list.
 */
export function twoSmallNodesScaleUp(special: (n: CaNode) => CaNode): (pending: CaPod[]) => ReturnType<typeof planScaleUp> {
  const small = group('small', template(1000, 4 * GIB), { targetSize: 2 });
  const nodes = [special(node('n-0', 'small', 1000, 4 * GIB, [pod('old', 200)])), node('n-1', 'small', 1000, 4 * GIB, [pod('full', 1000)])];
  return (pending) =>
    planScaleUp({
      unschedulablePods: pending,
      groups: [small],
      nodes,
      limits: { currentNodeCount: 1, currentTotals: { cpuMillicores: 2000, memoryBytes: 8 * GIB } },
      config: settings(),
      nowSeconds: NOW,
      random: seeded(),
    });
}

/** PodTopologySpread over zones for pods labelled app=web (maxSkew 1, nodeTaintsPolicy Ignore). */
export const WEB_ZONE_SPREAD: CaSpreadConstraint = {
  topologyKey: ZONE_LABEL,
  maxSkew: 1,
  minDomains: 1,
  nodeAffinityPolicy: 'Honor',
  nodeTaintsPolicy: 'Ignore',
  selfMatch: true,
  selector: { namespace: 'default', labels: { matchLabels: { app: 'web' }, matchExpressions: [] } },
};

/** A 500m, 1 GiB web pod under WEB_ZONE_SPREAD. */
export const webPod = (name: string, extra: Partial<CaPod> = {}): CaPod => pod(name, 500, GIB, { labels: { app: 'web' }, spreadConstraints: [WEB_ZONE_SPREAD], ...extra });
/** A 16 GiB node of group grp-<zone>, labelled with its zone and hostname. */
export const zoneNode = (name: string, zone: string, cpuMillicores: number, podsOn: CaPod[]): CaNode =>
  node(name, `grp-${zone}`, cpuMillicores, 16 * GIB, podsOn, { labels: { [ZONE_LABEL]: zone, [HOSTNAME_LABEL]: name } });
/** Group grp-<zone>: a 2000m, 16 GiB template in that zone. */
export const zoneGroup = (zone: string, targetSize: number) => group(`grp-${zone}`, template(2000, 16 * GIB, { labels: { [ZONE_LABEL]: zone } }), { targetSize });

/** The removal simulation's drain options in these tests. */
export const DRAIN = { skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, nowSeconds: 0 };
