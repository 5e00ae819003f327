/**
 * What identifies a sweep once it is planned: the scenario's name, the fingerprint of its inputs,
 * the resolved grid, the seed and duration every setting runs with, and the number of settings.
 * Stored at the head of the resume journal and in every shard part, and written to sweep.json;
 * the outputs are built from it and the rows alone, so a merged sweep writes the same bytes.
 */
import type { GridAxis } from './grid.js';

export interface SweepIdentity {
  scenario: string;
  scalesimVersion: string;
  fingerprint: string;
  /** The seed every setting runs with; null when the grid varies scenario.spec.seed. */
  seed: number | null;
  /** The simulated seconds of every setting; null when the grid varies scenario.spec.duration. */
  durationSeconds: number | null;
  /** --workload: the workloads the rows' figures cover; null (or absent, before it existed): every workload. */
  workloads?: string[] | null;
  axes: GridAxis[];
  settings: number;
}
