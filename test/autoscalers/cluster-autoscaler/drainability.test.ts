import { describe, expect, it } from 'vitest';
import { SAFE_TO_EVICT_ANNOTATION } from '../../../src/autoscalers/cluster-autoscaler/config.js';
import { hasNothingToMove, podDrainability, podsToMoveForDrain, SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION, type DrainOptions } from '../../../src/autoscalers/cluster-autoscaler/scale-down/drainability.js';
import { consumeDisruptions, disruptionsAllowed, pdbMatchesPod } from '../../../src/autoscalers/cluster-autoscaler/scale-down/pdb.js';
import type { CaPdb, CaPod } from '../../../src/autoscalers/cluster-autoscaler/types.js';
import { pod } from './builders.js';

const OPTIONS: DrainOptions = { skipNodesWithSystemPods: true, skipNodesWithLocalStorage: true, pdbs: [], nowSeconds: 1000 };
const safe = { [SAFE_TO_EVICT_ANNOTATION]: 'true' };
const webPdb = (allowed: number): CaPdb => ({ namespace: 'default', selector: { app: 'web' }, disruptionsAllowed: allowed });
const sysPdb: CaPdb = { namespace: 'kube-system', selector: { app: 'dns' }, disruptionsAllowed: 1 };

function verdict(p: CaPod, options: Partial<DrainOptions> = {}) {
  const v = podDrainability(p, { ...OPTIONS, ...options });
  return `${v.outcome}:${v.reason}`;
}

describe('podDrainability (drainability/rules)', () => {
  it.each([
    ['a ReplicaSet pod moves', pod('a', 1), {}, 'move:Replicated'],
    ['a pod with no controller blocks', pod('a', 1, 0, { ownerKind: undefined }), {}, 'block:NotReplicated'],
    ['safe-to-evict "true" overrides no controller', pod('a', 1, 0, { ownerKind: undefined, annotations: safe }), {}, 'move:SafeToEvict'],
    ['a custom controller blocks with skip-nodes-with-custom-controller-pods', pod('a', 1, 0, { ownerKind: 'Rollout' }), {}, 'block:NotReplicated'],
    ['a custom controller moves without it', pod('a', 1, 0, { ownerKind: 'Rollout' }), { skipNodesWithCustomControllerPods: false }, 'move:Replicated'],
    ['a kube-system pod without a PDB blocks', pod('dns', 1, 0, { namespace: 'kube-system', labels: { app: 'dns' } }), {}, 'block:UnmovableKubeSystemPod'],
    ['a kube-system pod with a PDB moves', pod('dns', 1, 0, { namespace: 'kube-system', labels: { app: 'dns' } }), { pdbs: [sysPdb] }, 'move:Replicated'],
    ['safe-to-evict "true" overrides kube-system', pod('dns', 1, 0, { namespace: 'kube-system', annotations: safe }), {}, 'move:SafeToEvict'],
    ['kube-system is fine with skip-nodes-with-system-pods=false', pod('dns', 1, 0, { namespace: 'kube-system' }), { skipNodesWithSystemPods: false }, 'move:Replicated'],
    ['safe-to-evict "false" blocks', pod('a', 1, 0, { annotations: { [SAFE_TO_EVICT_ANNOTATION]: 'false' } }), {}, 'block:NotSafeToEvictAnnotation'],
    ['local storage blocks', pod('a', 1, 0, { localStorageVolumes: ['scratch'] }), {}, 'block:LocalStorageRequested'],
    ['local storage listed in safe-to-evict-local-volumes moves', pod('a', 1, 0, { localStorageVolumes: ['scratch', 'tmp'], annotations: { [SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION]: 'scratch,tmp' } }), {}, 'move:Replicated'],
    ['safe-to-evict-local-volumes is split on commas only: a name after ", " does not match (getNonBlockingVolumes)', pod('a', 1, 0, { localStorageVolumes: ['scratch', 'tmp'], annotations: { [SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION]: 'scratch, tmp' } }), {}, 'block:LocalStorageRequested'],
    ['local storage partly listed still blocks', pod('a', 1, 0, { localStorageVolumes: ['scratch', 'tmp'], annotations: { [SAFE_TO_EVICT_LOCAL_VOLUMES_ANNOTATION]: 'scratch' } }), {}, 'block:LocalStorageRequested'],
    ['safe-to-evict "true" overrides local storage', pod('a', 1, 0, { localStorageVolumes: ['scratch'], annotations: safe }), {}, 'move:SafeToEvict'],
    ['local storage is fine with skip-nodes-with-local-storage=false', pod('a', 1, 0, { localStorageVolumes: ['scratch'] }), { skipNodesWithLocalStorage: false }, 'move:Replicated'],
    ['a PDB that allows no disruption blocks', pod('a', 1, 0, { labels: { app: 'web' } }), { pdbs: [webPdb(0)] }, 'block:NotEnoughPdb'],
    ['a PDB that allows one moves', pod('a', 1, 0, { labels: { app: 'web' } }), { pdbs: [webPdb(1)] }, 'move:Replicated'],
    ['DaemonSet pods stay (not moved)', pod('d', 1, 0, { ownerKind: 'DaemonSet' }), {}, 'stay:DaemonSetPod'],
    ['a DaemonSet pod in kube-system does not block', pod('d', 1, 0, { ownerKind: 'DaemonSet', namespace: 'kube-system' }), {}, 'stay:DaemonSetPod'],
    ['mirror pods stay', pod('m', 1, 0, { ownerKind: undefined, mirror: true }), {}, 'stay:MirrorPod'],
    ['long-terminating pods stay', pod('t', 1, 0, { ownerKind: undefined, deletionSeconds: 900 }), {}, 'stay:LongTerminating'],
    ['terminal pods stay', pod('j', 1, 0, { ownerKind: undefined, terminal: true }), {}, 'stay:TerminalPod'],
  ] as const)('%s', (_name, p, options, expected) => {
    expect(verdict(p, options)).toBe(expected);
  });
});

describe('hasNothingToMove (emptycandidates.isNodeEmpty)', () => {
  it.each([
    ['no pods', [], true],
    ['only DaemonSet and mirror pods', [pod('d', 1, 0, { daemonSet: true }), pod('m', 1, 0, { mirror: true })], true],
    ['a terminal pod beside them', [pod('d', 1, 0, { daemonSet: true }), pod('t', 1, 0, { terminal: true })], true],
    ['a replicated pod to move', [pod('d', 1, 0, { daemonSet: true }), pod('a', 1)], false],
    ['a pod that blocks the drain', [pod('bare', 1, 0, { ownerKind: undefined })], false],
  ] as const)('%s: %s', (_name, pods, expected) => {
    expect(hasNothingToMove(pods as readonly CaPod[], OPTIONS)).toBe(expected);
    // The same answer as GetPodsToMove: no error and nothing to move.
    const drain = podsToMoveForDrain(pods as readonly CaPod[], OPTIONS);
    expect(drain.ok && drain.podsToMove.length === 0).toBe(expected);
  });
});

describe('podsToMoveForDrain (GetPodsToMove)', () => {
  it('lists the pods to move and the DaemonSet pods apart', () => {
    const r = podsToMoveForDrain([pod('a', 1), pod('d', 1, 0, { daemonSet: true }), pod('m', 1, 0, { mirror: true })], OPTIONS);
    expect(r).toEqual({ ok: true, podsToMove: [pod('a', 1)], daemonSetPods: [pod('d', 1, 0, { daemonSet: true })] });
  });

  it('the first blocking pod blocks the node', () => {
    expect(podsToMoveForDrain([pod('a', 1), pod('b', 1, 0, { ownerKind: undefined })], OPTIONS)).toEqual({ ok: false, blockingPod: 'b', reason: 'NotReplicated' });
  });

  it('PDBs still bind safe-to-evict pods (their eviction would fail at drain time)', () => {
    const p = pod('a', 1, 0, { labels: { app: 'web' }, annotations: safe });
    expect(podsToMoveForDrain([p], { ...OPTIONS, pdbs: [webPdb(0)] })).toEqual({ ok: false, blockingPod: 'a', reason: 'NotEnoughPdb' });
  });
});

describe('disruptionsAllowed (disruption controller)', () => {
  it.each([
    ['minAvailable 2 of 3 ready', { minAvailable: 2 }, 3, 3, 1],
    ['minAvailable 3 of 3 ready', { minAvailable: 3 }, 3, 3, 0],
    ['minAvailable 50% of 3 (rounds up to 2)', { minAvailable: { percent: 50 } }, 3, 3, 1],
    ['maxUnavailable 1 of 4, all ready', { maxUnavailable: 1 }, 4, 4, 1],
    ['maxUnavailable 1 of 4, one already unready', { maxUnavailable: 1 }, 4, 3, 0],
    ['maxUnavailable 25% of 10 (rounds up to 3)', { maxUnavailable: { percent: 25 } }, 10, 10, 3],
    ['no pods expected', { maxUnavailable: 1 }, 0, 0, 0],
    ['neither field set', {}, 3, 3, 0],
  ] as const)('%s → %s', (_name, spec, matching, ready, expected) => {
    expect(disruptionsAllowed(spec, matching, ready)).toBe(expected);
  });

  it('matches by namespace and selector, and evictions use up disruptions', () => {
    const p = pod('a', 1, 0, { labels: { app: 'web', tier: 'front' } });
    expect(pdbMatchesPod(webPdb(1), p)).toBe(true);
    expect(pdbMatchesPod({ ...webPdb(1), namespace: 'other' }, p)).toBe(false);
    expect(pdbMatchesPod({ ...webPdb(1), selector: {} }, p)).toBe(true);
    expect(consumeDisruptions([webPdb(2), sysPdb], [p, p])).toEqual([webPdb(0), sysPdb]);
  });
});
