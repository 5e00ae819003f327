/**
 * The taint manager for pods bound to a node that already has NoExecute taints, and for the pods
 * of a node whose NoExecute taints change (src/cluster/taint-manager.ts; taint_eviction.go
 * processPodOnNode on the pod's update and the node's):
 * time-stamped, with pods created straight on the cluster (bound 1 s after creation, no jitter).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import type { SimPod } from '../../src/cluster/model.js';
import { Rng } from '../../src/core/rng.js';
import { Simulation } from '../../src/core/simulation.js';
import type { Taint, Toleration } from '../../src/scenario/types.js';
import { makePool, makeTemplate } from '../helpers/builders.js';

const delays = { schedulingSeconds: 1, imagePullSeconds: 5, containerStartSeconds: 1, terminationSeconds: 2, jitterRatio: 0 };
const BATCH: Taint = { key: 'dedicated', value: 'batch', effect: 'NoExecute' };
const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

function world(taints: Taint[]) {
  const sim = new Simulation();
  const cluster = new Cluster(sim, new Rng(1), delays, 'LeastAllocated');
  const node = cluster.addNode(makePool({ name: 'batch', taints }), 0);
  let n = 0;
  const pod = (tolerations: Toleration[]): SimPod =>
    cluster.createPod({ name: 'job', namespace: 'default', index: 0 }, makeTemplate({ tolerations }), { cpuMillicores: 250, memoryBytes: 2 ** 28 }, `job-${n++}`);
  return { sim, cluster, node, pod };
}

/** When the pod was bound and when its deletion began (undefined: never), in seconds. */
function times(pod: SimPod): { boundSeconds: number | undefined; deletionSeconds: number | undefined } {
  return { boundSeconds: pod.boundSeconds, deletionSeconds: pod.deletionSeconds };
}

const tolerateBatch = (tolerationSeconds?: number): Toleration => ({
  key: 'dedicated',
  operator: 'Equal',
  value: 'batch',
  effect: 'NoExecute',
  ...(tolerationSeconds !== undefined ? { tolerationSeconds } : {}),
});

describe('taint manager for a pod bound onto NoExecute taints', () => {
  it.each([
    ['tolerated for 60 s: deleted 60 s after the bind', [tolerateBatch(60)], 61],
    ['tolerated for 0 s: deleted at the bind', [tolerateBatch(0)], 1],
    ['tolerated for -5 s: deleted at the bind', [tolerateBatch(-5)], 1],
    ['tolerated with no tolerationSeconds: never', [tolerateBatch()], undefined],
    ['a blanket toleration first, then 30 s: the first match counts, never', [{ operator: 'Exists' }, tolerateBatch(30)] as Toleration[], undefined],
  ])('%s', (_name, tolerations, deletionSeconds) => {
    const w = world([BATCH]);
    const p = w.pod(tolerations);
    w.sim.runUntil(3600);
    expect(times(p)).toEqual({ boundSeconds: 1, deletionSeconds });
  });

  it('a pool without NoExecute taints evicts nothing, whatever the tolerations say', () => {
    const w = world([{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }]);
    const p = w.pod([{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }, tolerateBatch(60)]);
    w.sim.runUntil(3600);
    expect(times(p)).toEqual({ boundSeconds: 1, deletionSeconds: undefined });
  });

  it('a pod deleted before its time keeps the deletion it had', () => {
    const w = world([BATCH]);
    const p = w.pod([tolerateBatch(60)]);
    w.sim.runUntil(30);
    w.cluster.deletePod(p, 30);
    w.sim.runUntil(3600);
    expect(times(p)).toEqual({ boundSeconds: 1, deletionSeconds: 30 });
  });

  /** A pod tolerating BATCH for `tolerationSeconds` (undefined: for ever) and the unreachable taint for `unreachableSeconds`, bound at 1 s; at `atSeconds` the node's taints change as `changes` say. */
  function afterTaintChange(tolerationSeconds: number | undefined, atSeconds: number, changes: [Taint, boolean][], unreachableSeconds?: number) {
    const w = world([BATCH]);
    const unreachable: Toleration[] = unreachableSeconds === undefined ? [] : [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: unreachableSeconds }];
    const p = w.pod([tolerateBatch(tolerationSeconds), ...unreachable]);
    w.sim.runUntil(atSeconds);
    for (const [taint, on] of changes) w.cluster.setTaint(w.node, taint, on);
    w.sim.runUntil(3600);
    return times(p);
  }

  it.each([
    ["the node's last NoExecute taint goes before it: cancelled", 60, 30, [[BATCH, false]], undefined, undefined],
    // processPodOnNode keeps work created earlier (its CreatedAt) while the taints still call for a timed eviction.
    ["the unreachable taint's 300 s (the admission default) does not bring 600 s forward", 600, 30, [[UNREACHABLE, true]], undefined, 601],
    ['nor does a toleration of it for 0 s (getMinTolerationTime 0 is a timed eviction)', 600, 30, [[UNREACHABLE, true]], 0, 601],
    ['with no work before, a toleration for 0 s deletes at once', undefined, 30, [[UNREACHABLE, true]], 0, 30],
    ['BATCH goes while the unreachable taint stays: the work from BATCH is kept', 60, 20, [[UNREACHABLE, true], [BATCH, false]], undefined, 61],
    ['a taint no toleration matches: at once, whatever work there was', 600, 30, [[{ key: 'gpu', effect: 'NoExecute' }, true]], undefined, 30],
  ] as [string, number | undefined, number, [Taint, boolean][], number | undefined, number | undefined][])('%s', (_what, tolerationSeconds, atSeconds, changes, unreachableSeconds, deletionSeconds) => {
    expect(afterTaintChange(tolerationSeconds, atSeconds, changes, unreachableSeconds)).toEqual({ boundSeconds: 1, deletionSeconds });
  });

  it('counts each pod from its own bind', () => {
    const w = world([BATCH]);
    const first = w.pod([tolerateBatch(120)]);
    const later: SimPod[] = [];
    w.sim.scheduleAt(50, 0, 'test', () => later.push(w.pod([tolerateBatch(120)])));
    w.sim.runUntil(3600);
    expect([times(first), times(later[0]!)]).toEqual([
      { boundSeconds: 1, deletionSeconds: 121 },
      { boundSeconds: 51, deletionSeconds: 171 },
    ]);
    expect(w.node.pods.length).toBe(0);
  });
});
