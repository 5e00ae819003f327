/**
 * The soft taints of unneeded nodes (core/scaledown/actuation/softtaint.go UpdateSoftDeletionTaints):
 * an unneeded node gets `DeletionCandidateOfClusterAutoscaler:PreferNoSchedule`, so the scheduler
 * prefers other nodes for new pods, and a node needed again loses it. A budget of
 * --max-bulk-soft-taint-count API calls (10) a loop is spent on the needed nodes first, then on the
 * unneeded ones; nodes the CA is deleting are left alone. Pure: the nodes in, which to mark and
 * which to clean out, with a reason.
 */

/** taints.DeletionCandidateTaint. */
export const DELETION_CANDIDATE_TAINT_KEY = 'DeletionCandidateOfClusterAutoscaler';

export interface SoftTaintNode {
  name: string;
  /** Has the DeletionCandidate taint now. */
  softTainted: boolean;
  /** Has ToBeDeletedByClusterAutoscaler (being deleted): skipped. */
  beingDeleted: boolean;
}

export interface SoftTaintUpdates {
  /** Needed nodes whose soft taint comes off (CleanDeletionCandidate). */
  clean: string[];
  /** Unneeded nodes that get it (MarkDeletionCandidate). */
  mark: string[];
  /** Nodes left for a later loop once the budget was spent (budgetTracker.skippedNodes). */
  skipped: number;
  reason: string;
}

/**
 * UpdateSoftDeletionTaints over `unneeded` and `needed` (the autoscaled nodes that are not unneeded),
 * each in order, with `budget` (--max-bulk-soft-taint-count) API calls.
 */
export function softTaintUpdates(unneeded: readonly SoftTaintNode[], needed: readonly SoftTaintNode[], budget: number): SoftTaintUpdates {
  let left = budget;
  let skipped = 0;
  const take = (list: readonly SoftTaintNode[], wantTainted: boolean, into: string[]): void => {
    for (const node of list) {
      if (node.beingDeleted || node.softTainted === wantTainted) continue;
      if (left <= 0) {
        skipped++;
        continue;
      }
      left--;
      into.push(node.name);
    }
  };
  const clean: string[] = [];
  const mark: string[] = [];
  take(needed, false, clean);
  take(unneeded, true, mark);
  const reason = `${mark.length} soft-tainted, ${clean.length} cleaned${skipped > 0 ? `, ${skipped} left for a later loop (budget ${budget})` : ''}`;
  return { clean, mark, skipped, reason };
}
