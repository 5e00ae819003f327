/**
 * Response-time components whose waits spread evenly over a range (pieces of a backlog cohort,
 * cohort-queue.ts), merged on the accumulator's log grid (log-grid.ts) so memory stays bounded.
 *
 * A piece of `requests` with waits uniform on [lo, hi] puts into each wait cell it crosses the exact
 * share of its requests whose waits fall there (the uniform's mass between the cell's bounds), so the
 * merged law of waits has the exact CDF at every cell bound; a cell keeps its requests, Σ requests·R
 * (per sojourn cell, as the point cells do) and the smallest and largest wait put in it, and stands
 * for a uniform wait over that span. Within a cell the exact CDF lies between its values at the
 * cell's bounds, so every quantile of the waits, and of the waits plus the sojourn, is within a
 * factor 10^(1/bucketsPerDecade) of the exact mixture's (plus minResolvedSeconds), the point cells'
 * bound. Splitting a piece in two (an output sample) puts the same requests in the same cells.
 */
import { gridCellIndex, gridCellUpperSeconds, gridPairKey, nextGridCell, type LogGrid } from './log-grid.js';
import type { MixtureComponents } from './response-time-mixture.js';

export class WaitRangeCells {
  private readonly slotByCell = new Map<number, number>();
  private weights: Float64Array = new Float64Array(16);
  private weightedSojournSeconds: Float64Array = new Float64Array(16);
  private loSeconds: Float64Array = new Float64Array(16);
  private hiSeconds: Float64Array = new Float64Array(16);
  private slotCount = 0;

  constructor(private readonly grid: LogGrid) {}

  /** Cells in use. */
  get count(): number {
    return this.slotCount;
  }

  /**
   * Adds `requests` whose waits are uniform on [loSeconds, hiSeconds] (lo < hi, finite), each then
   * spending an exponential time of mean sojournMeanSeconds in a pod.
   */
  add(requests: number, loSeconds: number, hiSeconds: number, sojournMeanSeconds: number): void {
    const sojournCell = gridCellIndex(this.grid, sojournMeanSeconds);
    const widthSeconds = hiSeconds - loSeconds;
    const lastCell = gridCellIndex(this.grid, hiSeconds);
    let cell = gridCellIndex(this.grid, loSeconds);
    let shareBefore = 0;
    let cellLoSeconds = loSeconds;
    for (;;) {
      const last = cell >= lastCell;
      const upperSeconds = last ? hiSeconds : Math.min(hiSeconds, gridCellUpperSeconds(this.grid, cell));
      const share = last ? 1 : Math.min(1, Math.max(shareBefore, (upperSeconds - loSeconds) / widthSeconds));
      const cellRequests = requests * (share - shareBefore);
      if (cellRequests > 0) {
        this.put(gridPairKey(cell, sojournCell), cellRequests, cellLoSeconds, Math.max(cellLoSeconds, upperSeconds), sojournMeanSeconds);
      }
      if (last) return;
      shareBefore = share;
      cellLoSeconds = Math.max(cellLoSeconds, upperSeconds);
      cell = nextGridCell(this.grid, cell);
    }
  }

  /** Writes the cells as mixture components from index `offset` of `into` (which has room). */
  writeComponents(into: MixtureComponents, offset: number): void {
    for (let i = 0; i < this.slotCount; i += 1) {
      const weight = this.weights[i]!;
      into.weights[offset + i] = weight;
      into.waitLoSeconds[offset + i] = this.loSeconds[i]!;
      into.waitHiSeconds[offset + i] = this.hiSeconds[i]!;
      into.inverseSojourn[offset + i] = weight / this.weightedSojournSeconds[i]!;
    }
  }

  private put(key: number, requests: number, loSeconds: number, hiSeconds: number, sojournMeanSeconds: number): void {
    let slot = this.slotByCell.get(key);
    if (slot === undefined) {
      slot = this.slotCount;
      this.slotCount += 1;
      if (slot >= this.weights.length) this.grow();
      this.slotByCell.set(key, slot);
      this.loSeconds[slot] = loSeconds;
      this.hiSeconds[slot] = hiSeconds;
    }
    this.weights[slot]! += requests;
    this.weightedSojournSeconds[slot]! += requests * sojournMeanSeconds;
    if (loSeconds < this.loSeconds[slot]!) this.loSeconds[slot] = loSeconds;
    if (hiSeconds > this.hiSeconds[slot]!) this.hiSeconds[slot] = hiSeconds;
  }

  private grow(): void {
    const capacity = this.weights.length * 2;
    const copy = (from: Float64Array): Float64Array => {
      const to = new Float64Array(capacity);
      to.set(from);
      return to;
    };
    this.weights = copy(this.weights);
    this.weightedSojournSeconds = copy(this.weightedSojournSeconds);
    this.loSeconds = copy(this.loSeconds);
    this.hiSeconds = copy(this.hiSeconds);
  }
}
