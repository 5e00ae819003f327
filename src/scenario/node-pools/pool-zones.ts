/**
 * The zones of a scenario's real node pools, read from each pool's zone label as the node lifecycle
 * controller reads it (src/cluster/zone-state.ts zoneLabel: failure-domain.beta.kubernetes.io/zone,
 * then topology.kubernetes.io/zone), for a nodeFailure that takes a whole zone down. Virtual pools
 * (one virtual-kubelet node each) and pools without a zone label have none. Pure.
 */
import { zoneLabel } from '../../cluster/zone-state.js';
import type { NodePoolSpec } from '../types.js';

/** Each real pool with a zone, by name, and its zone. */
export function poolZones(pools: readonly NodePoolSpec[]): Map<string, string> {
  const zones = new Map<string, string>();
  for (const pool of pools) {
    const zone = pool.virtual === undefined ? zoneLabel(pool.labels) : undefined;
    if (zone !== undefined) zones.set(pool.name, zone);
  }
  return zones;
}
