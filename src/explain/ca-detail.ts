/**
 * Takes apart the ca_detail cell the cluster-autoscaler loop writes (src/controllers/cluster-autoscaler/
 * ca-controller.ts): `+N node(s) for M pod(s); capped by X; skipped g: reason; g2: reason` for a
 * scale-up, `removing n1 (drain), n2; unneeded: n1 for 610s, n2 for 0s` for a scale-down, led by
 * `scale-up timed out: g after 905s` in a loop that found a group's scale-up timed out, and
 * `scale-up failed: g 1 node(s) OutOfResource/placeholder-cannot-be-fulfilled; 1 node(s) that failed
 * to create deleted` in one that found instances the cloud failed to launch.
 */
import type { CaDetail } from './explanation.js';

const ADDED = /^\+(\d+) node\(s\) for (\d+) pod\(s\)$/;
const UNNEEDED_NODE = /^(.+) for (\d+(?:\.\d+)?)s$/;
const HELD_NODE = /^(.+) \((\w+)\)$/;
const TIMED_OUT_GROUP = /^(.+) after (\d+)s$/;
const FAILED_GROUP = /^(.+) (\d+) node\(s\) (\S+)$/;
const FAILED_DELETED = /^(\d+) node\(s\) that failed to create deleted$/;

function removingNodes(list: string): CaDetail['removing'] {
  return list
    .split(', ')
    .filter((n) => n !== '')
    .map((n) => (n.endsWith(' (drain)') ? { node: n.slice(0, -' (drain)'.length), drain: true } : { node: n, drain: false }));
}

function unneededNodes(list: string): CaDetail['unneeded'] {
  return list.split(', ').flatMap((n) => {
    const match = UNNEEDED_NODE.exec(n);
    return match === null ? [] : [{ node: match[1]!, forSeconds: Number(match[2]) }];
  });
}

function heldNodes(list: string): CaDetail['held'] {
  return list.split(', ').flatMap((n) => {
    const match = HELD_NODE.exec(n);
    return match === null ? [] : [{ node: match[1]!, reason: match[2]! }];
  });
}

function timedOutGroups(list: string): CaDetail['timedOut'] {
  return list.split(', ').flatMap((g) => {
    const match = TIMED_OUT_GROUP.exec(g);
    return match === null ? [] : [{ group: match[1]!, afterSeconds: Number(match[2]) }];
  });
}

function failedGroups(list: string): CaDetail['failed'] {
  return list.split(', ').flatMap((g) => {
    const match = FAILED_GROUP.exec(g);
    return match === null ? [] : [{ group: match[1]!, nodes: Number(match[2]), error: match[3]! }];
  });
}

/** Parses `text`; parts it does not recognise stay only in `text`. */
export function parseCaDetail(text: string): CaDetail {
  const detail: CaDetail = { text, nodesAdded: null, podsHelped: null, cappedBy: null, skippedGroups: [], removing: [], unneeded: [], held: [], scaleDownReason: null, timedOut: [], failed: [], failedDeleted: 0 };
  let inSkipped = false;
  for (const part of text.split('; ').filter((p) => p !== '')) {
    const added = ADDED.exec(part);
    if (added !== null) {
      [detail.nodesAdded, detail.podsHelped] = [Number(added[1]), Number(added[2])];
    } else if (part.startsWith('scale-up timed out: ')) {
      detail.timedOut = timedOutGroups(part.slice('scale-up timed out: '.length));
    } else if (part.startsWith('scale-up failed: ')) {
      detail.failed = failedGroups(part.slice('scale-up failed: '.length));
    } else if (FAILED_DELETED.test(part)) {
      detail.failedDeleted = Number(FAILED_DELETED.exec(part)![1]);
    } else if (part.startsWith('capped by ')) {
      detail.cappedBy = part.slice('capped by '.length);
    } else if (part.startsWith('removing ')) {
      detail.removing = removingNodes(part.slice('removing '.length));
    } else if (part.startsWith('unneeded: ')) {
      detail.unneeded = unneededNodes(part.slice('unneeded: '.length));
    } else if (part.startsWith('scale-down: ')) {
      // The scale-down's reason on a loop whose own reason is the scale-up's: not a skipped group.
      detail.scaleDownReason = part.slice('scale-down: '.length);
      inSkipped = false;
    } else if (part.startsWith('held: ')) {
      detail.held = heldNodes(part.slice('held: '.length));
    } else if (part.startsWith('skipped ') || inSkipped) {
      inSkipped = true;
      const entry = part.startsWith('skipped ') ? part.slice('skipped '.length) : part;
      const at = entry.indexOf(': ');
      if (at > 0) detail.skippedGroups.push({ group: entry.slice(0, at), reason: entry.slice(at + 2) });
    }
  }
  return detail;
}
