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
 *
 * Storage. A piece crosses every cell between its waits' (a drain to 0 crosses hundreds), so the
 * cells of one sojourn cell are kept dense: one block of arrays per sojourn cell (a workload's pieces
 * have one or two: S, or the saturated 100·S), indexed by wait cell from the cell below
 * minResolvedSeconds up, grown as longer waits come. A cell per Map entry took about 190 bytes
 * (bench-large: 447,000 cells in two simulated hours, 85 MB of heap); a dense cell takes 32.
 */
import { gridCellIndex, gridCellUpperSeconds, grownFloat64, nextGridCell, type LogGrid } from './log-grid.js';
import type { MixtureComponents } from './response-time-mixture.js';

/** The wait cells of one sojourn cell, dense from position 0 (the cell below minResolvedSeconds). */
interface SojournBlock {
  /** Requests per wait cell (0: the cell is empty). */
  weights: Float64Array;
  weightedSojournSeconds: Float64Array;
  /** The smallest and largest wait put in each cell. */
  loSeconds: Float64Array;
  hiSeconds: Float64Array;
}

export class WaitRangeCells {
  /** One block per sojourn cell, in the order the sojourn cells first came. */
  private readonly blocks = new Map<number, SojournBlock>();
  /** Non-empty cells over every block. */
  private cellCount = 0;
  /** The grid index of minResolvedSeconds' cell: position 1 of a block. */
  private readonly firstResolvedCell: number;

  constructor(private readonly grid: LogGrid) {
    this.firstResolvedCell = gridCellIndex(grid, grid.minResolvedSeconds);
  }

  /** Cells in use. */
  get count(): number {
    return this.cellCount;
  }

  /**
   * Adds `requests` whose waits are uniform on [loSeconds, hiSeconds] (lo < hi, finite), each then
   * spending an exponential time of mean sojournMeanSeconds in a pod.
   */
  add(requests: number, loSeconds: number, hiSeconds: number, sojournMeanSeconds: number): void {
    const block = this.blockFor(gridCellIndex(this.grid, sojournMeanSeconds), this.position(gridCellIndex(this.grid, hiSeconds)));
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
      if (cellRequests > 0) this.put(block, this.position(cell), cellRequests, cellLoSeconds, Math.max(cellLoSeconds, upperSeconds), sojournMeanSeconds);
      if (last) return;
      shareBefore = share;
      cellLoSeconds = Math.max(cellLoSeconds, upperSeconds);
      cell = nextGridCell(this.grid, cell);
    }
  }

  /** Writes the cells as mixture components from index `offset` of `into` (which has room for count). */
  writeComponents(into: MixtureComponents, offset: number): void {
    let i = offset;
    for (const block of this.blocks.values()) {
      for (let p = 0; p < block.weights.length; p += 1) {
        const weight = block.weights[p]!;
        if (weight === 0) continue;
        into.weights[i] = weight;
        into.waitLoSeconds[i] = block.loSeconds[p]!;
        into.waitHiSeconds[i] = block.hiSeconds[p]!;
        into.inverseSojourn[i] = weight / block.weightedSojournSeconds[p]!;
        i += 1;
      }
    }
  }

  /** A wait cell's position in its block: 0 below minResolvedSeconds, then one per cell up. */
  private position(cell: number): number {
    return cell === 0 ? 0 : cell - this.firstResolvedCell + 1;
  }

  /** The block of `sojournCell`, with room up to position `lastPosition`. */
  private blockFor(sojournCell: number, lastPosition: number): SojournBlock {
    let block = this.blocks.get(sojournCell);
    if (block === undefined) {
      const size = Math.max(16, lastPosition + 1);
      block = { weights: new Float64Array(size), weightedSojournSeconds: new Float64Array(size), loSeconds: new Float64Array(size), hiSeconds: new Float64Array(size) };
      this.blocks.set(sojournCell, block);
    } else if (lastPosition >= block.weights.length) {
      const size = Math.max(lastPosition + 1, block.weights.length * 2);
      block.weights = grownFloat64(block.weights, size);
      block.weightedSojournSeconds = grownFloat64(block.weightedSojournSeconds, size);
      block.loSeconds = grownFloat64(block.loSeconds, size);
      block.hiSeconds = grownFloat64(block.hiSeconds, size);
    }
    return block;
  }

  private put(block: SojournBlock, position: number, requests: number, loSeconds: number, hiSeconds: number, sojournMeanSeconds: number): void {
    if (block.weights[position] === 0) {
      this.cellCount += 1;
      block.loSeconds[position] = loSeconds;
      block.hiSeconds[position] = hiSeconds;
    }
    block.weights[position]! += requests;
    block.weightedSojournSeconds[position]! += requests * sojournMeanSeconds;
    if (loSeconds < block.loSeconds[position]!) block.loSeconds[position] = loSeconds;
    if (hiSeconds > block.hiSeconds[position]!) block.hiSeconds[position] = hiSeconds;
  }
}
