/** CaExplanation and its text: reason codes, the expander's group, caps, skipped groups, unneeded nodes. */
import { describe, expect, it } from 'vitest';
import { parseCaDetail } from '../../src/explain/ca-detail.js';
import { caReason, explainCa } from '../../src/explain/explain-ca.js';
import { renderCa } from '../../src/explain/render-ca.js';
import { at, caRow } from './fixtures.js';

describe('parseCaDetail', () => {
  it('a capped scale-up with skipped groups', () => {
    expect(parseCaDetail('+2 node(s) for 5 pod(s); capped by GroupMaxSize; skipped spot: MaxSizeReached; gpu: NoPodFitsTemplate')).toEqual({
      text: '+2 node(s) for 5 pod(s); capped by GroupMaxSize; skipped spot: MaxSizeReached; gpu: NoPodFitsTemplate',
      nodesAdded: 2, podsHelped: 5, cappedBy: 'GroupMaxSize',
      skippedGroups: [{ group: 'spot', reason: 'MaxSizeReached' }, { group: 'gpu', reason: 'NoPodFitsTemplate' }],
      removing: [], unneeded: [], held: [], scaleDownReason: null, timedOut: [], failed: [], failedDeleted: 0,
    });
  });

  it('a no-op scale-up with only skipped groups (the detail starts with "; ")', () => {
    expect(parseCaDetail('; skipped workers: MaxSizeReached').skippedGroups).toEqual([{ group: 'workers', reason: 'MaxSizeReached' }]);
  });

  it('a skipped group whose template no pod fits, with the filter they fail', () => {
    expect(parseCaDetail('+1 node(s) for 2 pod(s); skipped zone-a: NoPodFitsTemplate: TopologySpreadConstraintsNotMatch; zone-b: MaxSizeReached').skippedGroups).toEqual([
      { group: 'zone-a', reason: 'NoPodFitsTemplate: TopologySpreadConstraintsNotMatch' },
      { group: 'zone-b', reason: 'MaxSizeReached' },
    ]);
  });

  it('a scale-down: nodes removed and nodes unneeded', () => {
    const d = parseCaDetail('removing workers-0 (drain), workers-3; unneeded: workers-0 for 610s, workers-3 for 600s, workers-1 for 20s');
    expect(d.removing).toEqual([{ node: 'workers-0', drain: true }, { node: 'workers-3', drain: false }]);
    expect(d.unneeded).toEqual([{ node: 'workers-0', forSeconds: 610 }, { node: 'workers-3', forSeconds: 600 }, { node: 'workers-1', forSeconds: 20 }]);
  });

  it('nodes unneeded long enough that a limit held back, also after skipped groups', () => {
    const d = parseCaDetail('pending; skipped workers: MaxSizeReached; scale-down: NoRemovableNodes; unneeded: workers-4 for 700s; held: workers-4 (ParallelismLimitReached), workers-5 (NodeGroupMinSizeReached)');
    expect(d.skippedGroups).toEqual([{ group: 'workers', reason: 'MaxSizeReached' }]);
    expect(d.scaleDownReason).toBe('NoRemovableNodes');
    expect(d.unneeded).toEqual([{ node: 'workers-4', forSeconds: 700 }]);
    expect(d.held).toEqual([{ node: 'workers-4', reason: 'ParallelismLimitReached' }, { node: 'workers-5', reason: 'NodeGroupMinSizeReached' }]);
  });

  it('a timed-out scale-up leading the detail, not taken for a skipped group', () => {
    const d = parseCaDetail('scale-up timed out: workers after 910s, spot after 1210s; skipped workers: BackedOff; scale-down: NoRemovableNodes');
    expect(d.timedOut).toEqual([{ group: 'workers', afterSeconds: 910 }, { group: 'spot', afterSeconds: 1210 }]);
    expect(d.skippedGroups).toEqual([{ group: 'workers', reason: 'BackedOff' }]);
    expect(d.scaleDownReason).toBe('NoRemovableNodes');
  });

  it('a scale-up the cloud failed, and the failed instances deleted, before the loop\'s own scale-up', () => {
    const d = parseCaDetail('scale-up failed: zone-a 2 node(s) OutOfResource/placeholder-cannot-be-fulfilled, zone-b 1 node(s) OutOfResource/placeholder-cannot-be-fulfilled; 3 node(s) that failed to create deleted; +1 node(s) for 4 pod(s); skipped zone-a: BackedOff');
    expect(d.failed).toEqual([
      { group: 'zone-a', nodes: 2, error: 'OutOfResource/placeholder-cannot-be-fulfilled' },
      { group: 'zone-b', nodes: 1, error: 'OutOfResource/placeholder-cannot-be-fulfilled' },
    ]);
    expect(d.failedDeleted).toBe(3);
    expect([d.nodesAdded, d.skippedGroups]).toEqual([1, [{ group: 'zone-a', reason: 'BackedOff' }]]);
  });
});

describe('caReason', () => {
  it.each([
    ['ScaleUp', 'ScaleUp', /expander chose the group/],
    ['ScaleDownInCooldown (ScaleDownDelayAfterAdd)', 'ScaleDownInCooldown', /\(ScaleDownDelayAfterAdd, --scale-down-delay-after-add\)$/],
    ['PodsFitUpcomingNodes', 'PodsFitUpcomingNodes', /already booting/],
    ['SomethingNew', 'SomethingNew', /^SomethingNew$/],
  ])('%s', (reason, code, text) => {
    const r = caReason(reason);
    expect(r.code).toBe(code);
    expect(r.text).toMatch(text);
  });
});

describe('explainCa', () => {
  it('explains a scale-up: pending pods, the expander choice, the previous loop', () => {
    const row = caRow({
      line: 111, timeSeconds: 655.199, group: 'workers', nodesBefore: 1, nodesAfter: 2, action: 'scale-up', reason: 'ScaleUp',
      unschedulablePods: 1, detail: '+1 node(s) for 1 pod(s); skipped spot: MaxSizeReached',
    });
    const e = explainCa(row, caRow({ timeSeconds: 645.199 }), at(660));
    expect(e.group).toBe('workers');
    expect(renderCa(e)).toEqual([
      'cluster-autoscaler at t=655.199 s (0h10m55s), nearest to --at 660 s (4.801 s before); decisions.csv line 111',
      '  saw: 1 unschedulable pod(s), 1 autoscaled node(s) (booting ones included)',
      '  action: scale-up of workers (autoscaled nodes 1 → 2)',
      '  reason: ScaleUp: pods are unschedulable and a node group fits them: the expander chose the group and the CA asked it for more nodes',
      '  expander chose: workers (+1 node(s) for 1 pod(s))',
      '  skipped groups: spot (MaxSizeReached)',
      '  previous loop at t=645.199 s (0h10m45s): no-op (NoRemovableNodes), nodes 1 → 1',
    ]);
  });

  it('explains a scale-down in cooldown with unneeded nodes', () => {
    const row = caRow({ nodesBefore: 2, nodesAfter: 2, reason: 'ScaleDownInCooldown (ScaleDownDelayAfterAdd)', detail: 'unneeded: workers-0 for 40s' });
    const lines = renderCa(explainCa(row, undefined, at(100)));
    expect(lines).toContain('  reason: ScaleDownInCooldown: scale-down waits after a recent scale-up, deletion or failure (ScaleDownDelayAfterAdd, --scale-down-delay-after-add)');
    expect(lines).toContain('  unneeded nodes: workers-0 for 40 s');
    expect(lines.at(-1)).toBe('  previous loop: none (this is the first)');
  });

  it('says which scale-up timed out and why the groups are skipped', () => {
    const row = caRow({ nodesBefore: 1, nodesAfter: 1, reason: 'AllGroupsBackedOff', unschedulablePods: 1, detail: 'scale-up timed out: workers after 910s; skipped workers: BackedOff; scale-down: NoRemovableNodes' });
    const lines = renderCa(explainCa(row, undefined, at(920)));
    expect(lines).toContain('  scale-up timed out: workers 910 s after its last scale-up (nodes still unregistered or NotStarted past --max-node-provision-time; the group is backed off)');
    expect(lines).toContain('  skipped groups: workers (BackedOff)');
    expect(lines.find((l) => l.startsWith('  reason: '))).toMatch(/^  reason: AllGroupsBackedOff: every node group that fits the pending pods is backed off/);
  });

  it('says which scale-up the cloud failed, the failed instances deleted, and the group grown instead', () => {
    const row = caRow({
      nodesBefore: 3, nodesAfter: 3, action: 'scale-up', group: 'zone-b', reason: 'ScaleUp', unschedulablePods: 1,
      detail: 'scale-up failed: zone-a 1 node(s) OutOfResource/placeholder-cannot-be-fulfilled; 1 node(s) that failed to create deleted; +1 node(s) for 1 pod(s); skipped zone-a: BackedOff',
    });
    const lines = renderCa(explainCa(row, undefined, at(680)));
    expect(lines).toContain('  scale-up failed at the cloud: zone-a, 1 node(s): OutOfResource/placeholder-cannot-be-fulfilled (the cloud provider reported the launch failed; the group is backed off)');
    expect(lines).toContain('  deleted 1 instance(s) that failed to launch (deleteCreatedNodesWithErrors)');
    expect(lines).toContain('  expander chose: zone-b (+1 node(s) for 1 pod(s))');
    expect(lines).toContain('  skipped groups: zone-a (BackedOff)');
  });

  it('says why an unneeded node stayed: the parallelism budget', () => {
    const row = caRow({ nodesBefore: 12, nodesAfter: 2, action: 'scale-down', reason: 'NodesRemovable', detail: 'removing workers-1; unneeded: workers-1 for 610s, workers-2 for 610s; held: workers-2 (ParallelismLimitReached)' });
    expect(renderCa(explainCa(row, undefined, at(620)))).toContain(
      '  held back: workers-2 (deletions in progress fill --max-scale-down-parallelism, or drains --max-drain-parallelism)',
    );
  });

  it("gives the scale-down's reason of a loop whose reason is the scale-up's, not as a skipped group", () => {
    const row = caRow({ nodesBefore: 3, nodesAfter: 3, reason: 'AllGroupsAtMax', unschedulablePods: 2, detail: '; skipped workers: MaxSizeReached; scale-down: NoRemovableNodes; unneeded: workers-2 for 30s' });
    const lines = renderCa(explainCa(row, undefined, at(620)));
    expect(lines).toContain('  skipped groups: workers (MaxSizeReached)');
    expect(lines).toContain('  scale-down: NoRemovableNodes: no node can be removed now: none has been unneeded long enough, its pods cannot move, or a limit holds it back (a node a limit holds is listed under held back)');
    expect(lines).toContain('  unneeded nodes: workers-2 for 30 s');
  });
});
