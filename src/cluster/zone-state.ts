/**
 * The node lifecycle controller's zones (kube-controller-manager pkg/controller/nodelifecycle
 * node_lifecycle_controller.go): which zone a node is in, each zone's state from its nodes' Ready
 * conditions (ComputeZoneState), the NoExecute tainting rate a state gives (setLimiterInZone with
 * ReducedQPSFunc and HealthyQPSFunc), and what a pass does when the states change (handleDisruption).
 * Pure: no clock, no state.
 */

export const NODE_EVICTION_DEFAULTS = Object.freeze({
  /** kube-controller-manager --node-eviction-rate: nodes tainted NoExecute per second in a zone. */
  evictionRatePerSecond: 0.1,
  /** --secondary-node-eviction-rate: the rate in a partly disrupted zone of a large cluster. */
  secondaryEvictionRatePerSecond: 0.01,
  /** --unhealthy-zone-threshold: the NotReady share (with more than 2 NotReady) that makes a zone partly disrupted. */
  unhealthyZoneThreshold: 0.55,
  /** --large-cluster-size-threshold: a zone of more nodes than this keeps the secondary rate when partly disrupted, a smaller one stops. */
  largeClusterSizeThreshold: 50,
  /** scheduler.NodeEvictionPeriod: how often the tainting queues are tried, seconds. */
  evictionPeriodSeconds: 0.1,
});

export type NodeEvictionConfig = typeof NODE_EVICTION_DEFAULTS;

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

const ZONE_LABELS = ['failure-domain.beta.kubernetes.io/zone', 'topology.kubernetes.io/zone'] as const;
const REGION_LABELS = ['failure-domain.beta.kubernetes.io/region', 'topology.kubernetes.io/region'] as const;

/** The node's zone label (the beta label first, as GetZoneKey reads it); undefined for none. */
export function zoneLabel(labels: Readonly<Record<string, string>>): string | undefined {
  return labels[ZONE_LABELS[0]] ?? labels[ZONE_LABELS[1]];
}

/** nodetopology.GetZoneKey: region and zone (the beta labels first), "" for a node with neither. */
export function zoneKey(labels: Readonly<Record<string, string>>): string {
  const zone = zoneLabel(labels) ?? '';
  const region = labels[REGION_LABELS[0]] ?? labels[REGION_LABELS[1]] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** ComputeZoneState: every node NotReady is a full disruption; more than 2 and at least the threshold's share, a partial one. */
export function computeZoneState(readyNodes: number, notReadyNodes: number, config: NodeEvictionConfig = NODE_EVICTION_DEFAULTS): { state: ZoneState; reason: string } {
  const counts = `${notReadyNodes} of ${readyNodes + notReadyNodes} nodes NotReady`;
  if (readyNodes === 0 && notReadyNodes > 0) return { state: 'FullDisruption', reason: `${counts}: none Ready` };
  // float32 in upstream; the threshold compares the same either way for node counts.
  if (notReadyNodes > 2 && notReadyNodes / (notReadyNodes + readyNodes) >= config.unhealthyZoneThreshold) {
    return { state: 'PartialDisruption', reason: `${counts}: more than 2 and at least ${Math.round(config.unhealthyZoneThreshold * 100)}%` };
  }
  return { state: 'Normal', reason: counts };
}

/** setLimiterInZone: the NoExecute tainting rate of a zone of `zoneSize` nodes entering `state` (0: none tainted). */
export function zoneEvictionRate(state: ZoneState, zoneSize: number, config: NodeEvictionConfig = NODE_EVICTION_DEFAULTS): { ratePerSecond: number; reason: string } {
  switch (state) {
    case 'PartialDisruption':
      return zoneSize > config.largeClusterSizeThreshold
        ? { ratePerSecond: config.secondaryEvictionRatePerSecond, reason: `partial disruption in a zone of ${zoneSize} nodes (> ${config.largeClusterSizeThreshold}): the secondary rate` }
        : { ratePerSecond: 0, reason: `partial disruption in a zone of ${zoneSize} nodes (≤ ${config.largeClusterSizeThreshold}): tainting stops` };
    case 'FullDisruption':
      return { ratePerSecond: config.evictionRatePerSecond, reason: 'full disruption of this zone alone: the normal rate' };
    default:
      return { ratePerSecond: config.evictionRatePerSecond, reason: 'normal' };
  }
}

/** What handleDisruption does at a pass, from the zones' states before it and now. */
export type DisruptionStep =
  | { kind: 'none' }
  /** Every zone is now fully disrupted: NoExecute taints come off every node and tainting stops ("master disruption mode"). */
  | { kind: 'enterMasterDisruption' }
  /** Some zone is not fully disrupted any more: every zone's rate is set for its new state. */
  | { kind: 'exitMasterDisruption' }
  /** The zones whose state changed, each to have its rate set for its new state. */
  | { kind: 'zones'; changed: string[] };

/**
 * handleDisruption. `previous` holds the states after the last pass (a zone first seen now counts as
 * Initial, a zone gone now is dropped); `current` every zone with nodes now. With no zone before
 * and none now, nothing happens.
 */
export function disruptionStep(previous: ReadonlyMap<string, ZoneState>, current: ReadonlyMap<string, ZoneState>): DisruptionStep {
  const allAreFullyDisrupted = [...current.values()].every((s) => s === 'FullDisruption');
  const allWereFullyDisrupted = [...current.keys()].every((zone) => (previous.get(zone) ?? 'Initial') === 'FullDisruption');
  if (allAreFullyDisrupted && allWereFullyDisrupted) return { kind: 'none' };
  if (allAreFullyDisrupted) return { kind: 'enterMasterDisruption' };
  if (allWereFullyDisrupted) return { kind: 'exitMasterDisruption' };
  const changed = [...current].filter(([zone, state]) => (previous.get(zone) ?? 'Initial') !== state).map(([zone]) => zone);
  return changed.length === 0 ? { kind: 'none' } : { kind: 'zones', changed };
}
