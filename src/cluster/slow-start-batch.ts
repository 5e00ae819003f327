/**
 * pkg/controller/controller_utils.go slowStartBatch with SlowStartInitialBatchSize 1, as the
 * ReplicaSet controller creates pods: batches of 1, 2, 4, … pods; every create of a batch is
 * tried (upstream runs them at once), and the first batch with a failure is the last, the rest
 * skipped (so a full quota costs one failed create, not one per missing pod).
 */

/** Tries `count` creates in slow-start batches; returns how many succeeded. */
export function slowStartBatch(count: number, create: () => boolean): number {
  let created = 0;
  let remaining = count;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      if (create()) created++;
      else failed = true;
    }
    remaining -= batch;
    if (failed) break;
  }
  return created;
}
