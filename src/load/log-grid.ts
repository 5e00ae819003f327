/**
 * The log grid on which ResponseTimeAccumulator merges response-time components: cells of a factor
 * 10^(1/bucketsPerDecade) in seconds, with everything below minResolvedSeconds in cell 0. Indexes
 * are non-negative integers below 2^21, so a pair of them is one safe integer key. The stores on it
 * keep their numbers in Float64Arrays grown by grownFloat64.
 */

/** Cell index offset so that every grid index is a non-negative integer below 2^21. */
export const GRID_INDEX_OFFSET = 2 ** 20;

export interface LogGrid {
  bucketsPerDecade: number;
  minResolvedSeconds: number;
}

/** The cell of `seconds` (≥ 0): 0 below minResolvedSeconds, else ⌊log10(seconds) × bucketsPerDecade⌋ + offset. */
export function gridCellIndex(grid: LogGrid, seconds: number): number {
  if (seconds < grid.minResolvedSeconds) return 0;
  return Math.floor(Math.log10(seconds) * grid.bucketsPerDecade) + GRID_INDEX_OFFSET;
}

/** One key for a pair of cells (wait, sojourn). */
export function gridPairKey(waitCell: number, sojournCell: number): number {
  return waitCell * 2 * GRID_INDEX_OFFSET + sojournCell;
}

/** The cell after `cell` going up: cell 0 is followed by the cell of minResolvedSeconds. */
export function nextGridCell(grid: LogGrid, cell: number): number {
  return cell === 0 ? gridCellIndex(grid, grid.minResolvedSeconds) : cell + 1;
}

/** The upper bound of `cell`, seconds: minResolvedSeconds for cell 0, else 10^((cell − offset + 1) / bucketsPerDecade). */
export function gridCellUpperSeconds(grid: LogGrid, cell: number): number {
  return cell === 0 ? grid.minResolvedSeconds : 10 ** ((cell - GRID_INDEX_OFFSET + 1) / grid.bucketsPerDecade);
}

/** A copy of `from` in a new array of `size` entries (≥ its length), zero past its end: a grid store grown. */
export function grownFloat64(from: Float64Array, size: number): Float64Array {
  const to = new Float64Array(size);
  to.set(from);
  return to;
}
