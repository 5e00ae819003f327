/**
 * PodTopologySpread PreScore and Score for explicit ScheduleAnyway constraints
 * (podtopologyspread/scoring.go with requireAllTopologies true), then NormalizeScore. Cases adapted
 * from upstream's scoring_test.go TestPodTopologySpreadScore, named as there; the counts are the
 * matching pods per node (`pods`), candidates are the feasible nodes.
 */
import { describe, expect, it } from 'vitest';
import { explicitSpreadRawScores } from '../../src/cluster/topology-spread-explicit-score.js';
import type { SpreadConstraintPolicy, SpreadNodeView } from '../../src/cluster/topology-spread-filter.js';
import { HOSTNAME_LABEL, normalizeSpreadScores } from '../../src/cluster/topology-spread-score.js';

interface N extends SpreadNodeView {
  name: string;
  pods: number;
}
const n = (name: string, zone: string | undefined, pods: number, extra: Record<string, string> = {}): N => ({
  name,
  pods,
  taints: [],
  labels: { [HOSTNAME_LABEL]: name, ...(zone === undefined ? {} : { zone }), ...extra },
});
const c = (topologyKey: string, maxSkew = 1, nodeAffinityPolicy: 'Honor' | 'Ignore' = 'Honor'): SpreadConstraintPolicy => ({ topologyKey, maxSkew, nodeAffinityPolicy, nodeTaintsPolicy: 'Ignore' });

function scores(constraints: SpreadConstraintPolicy[], candidates: string[], all: N[], nodeSelector: Record<string, string> = {}): number[] {
  const feasible = candidates.map((name) => all.find((x) => x.name === name)!);
  const raw = explicitSpreadRawScores(constraints, { nodeSelector, tolerations: [] }, feasible, all, (node) => node.pods);
  return normalizeSpreadScores(raw);
}

describe('PodTopologySpread Score, explicit ScheduleAnyway constraints (scoring_test.go)', () => {
  const a = n('node-a', 'zone1', 2);
  const b = n('node-b', 'zone1', 1);
  const x = n('node-x', 'zone2', 0);
  const y = n('node-y', 'zone2', 3);
  it('one constraint on node, all 4 nodes are candidates (2/1/0/3)', () => {
    expect(scores([c(HOSTNAME_LABEL)], ['node-a', 'node-b', 'node-x', 'node-y'], [a, b, x, y])).toEqual([20, 60, 100, 0]);
  });
  it('one constraint on zone, 3 out of 4 nodes are candidates: zone2 still counts node-y', () => {
    const nodes = [n('node-a', 'zone1', 4), n('node-b', 'zone1', 2), n('node-x', 'zone2', 1), n('node-y', 'zone2', 3)];
    expect(scores([c('zone')], ['node-a', 'node-b', 'node-x'], nodes)).toEqual([75, 75, 100]);
  });
  it('one constraint on node, 3 out of 4 nodes are candidates, one node does not match topology key: ignored, 0', () => {
    const nodes = [n('node-a', 'zone1', 4), { ...n('node-b', 'zone1', 2), labels: { zone: 'zone1' } }, n('node-x', 'zone2', 1), n('node-y', 'zone2', 3)];
    expect(scores([c(HOSTNAME_LABEL)], ['node-a', 'node-b', 'node-x'], nodes)).toEqual([16, 0, 100]);
  });
  it('two Constraints on zone and node, a node without the zone label is ignored (requireAllTopologies)', () => {
    const nodes = [n('node-a', 'zone1', 2), n('node-b', undefined, 5), n('node-x', 'zone2', 0)];
    const got = scores([c('zone'), c(HOSTNAME_LABEL)], ['node-a', 'node-b', 'node-x'], nodes);
    expect(got[1]).toBe(0);
    // node-a: 2×ln(4) + 2×ln(4) = 5.5 → 6; node-x: 0 → normalized 100 × (6 + 0 − s) / 6.
    expect(got).toEqual([0, 0, 100]);
  });
  it('NodeAffinityPolicy Honor leaves nodes the pod cannot use out of the zone counts; Ignore counts them', () => {
    const nodes = [n('node-a', 'zone1', 2, { pool: 'p' }), n('node-x', 'zone2', 1, { pool: 'p' }), n('node-y', 'zone2', 3)];
    // Honor: zone1 2, zone2 1 (node-y not counted): raw 2×ln(4)=2.77→3 and 1.39→1; normalized 100×(4−3)/3=33, 100.
    expect(scores([c('zone')], ['node-a', 'node-x'], nodes, { pool: 'p' })).toEqual([33, 100]);
    // Ignore: zone2 = 4: raw 3 and 5.5→6; normalized 100×(9−3)/6=100, 100×(9−6)/6=50.
    expect(scores([c('zone', 1, 'Ignore')], ['node-a', 'node-x'], nodes, { pool: 'p' })).toEqual([100, 50]);
  });
});
