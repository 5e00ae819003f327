/**
 * `scalesim sweep --seeds <list>`: the seeds every setting runs under, as replicates
 * (./replicates.ts). A comma-separated list of whole numbers (`1,2,3`), inclusive ranges (`1..5`,
 * `0..90..10` with a step) or both (`1..3,7`), at most MAX_SEEDS of them, none twice. The sweep
 * takes them as its last grid axis, `scenario.spec.seed`, so that a setting's seeds run one after
 * the other and shards, the resume journal and merge treat them as any other axis.
 */
import { UserInputError } from '../errors/user-input-error.js';

/** Most seeds one sweep replicates a setting under. */
export const MAX_SEEDS = 1000;

/** The grid path the seeds vary. */
export const SEED_GRID_PATH = 'scenario.spec.seed';

function seedsError(message: string): UserInputError {
  return new UserInputError({ file: '(command line)', field: '--seeds', message, hint: 'e.g. --seeds 1,2,3, --seeds 1..10 or --seeds 1..5,9' });
}

function seedNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw seedsError(`"${text}" is not a seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER} in decimal digits`);
  return n;
}

/** The seeds of one item: a seed, or a range first..last[..step] of them. */
function seedItem(item: string): number[] {
  const parts = item.split('..').map((p) => p.trim());
  if (parts.length === 1) return [seedNumber(parts[0]!)];
  if (parts.length > 3) throw seedsError(`"${item}" is not a range: expected <first>..<last> or <first>..<last>..<step>`);
  const [from, to] = [seedNumber(parts[0]!), seedNumber(parts[1]!)];
  const step = parts[2] === undefined ? 1 : seedNumber(parts[2]);
  if (to < from) throw seedsError(`the range ${item} runs backwards: expected <first>..<last> with first ≤ last`);
  if (step === 0) throw seedsError(`the range ${item} has a step of 0: expected a step of 1 or more`);
  const count = Math.floor((to - from) / step) + 1;
  if (count > MAX_SEEDS) throw seedsError(`the range ${item} holds ${count} seeds; a sweep replicates a setting under at most ${MAX_SEEDS}`);
  return Array.from({ length: count }, (_, i) => from + i * step);
}

/** The seeds of a --seeds value, in the order given: comma-separated seeds and ranges (`1,2,3`, `1..10`, `1..3,7`, `0..90..10`). */
export function parseSeeds(text: string): number[] {
  const items = text.split(',').map((p) => p.trim());
  if (items.some((p) => p === '')) throw seedsError(`"${text}" has an empty item: expected comma-separated seeds such as 1,2,3`);
  const seeds = items.flatMap(seedItem);
  if (seeds.length > MAX_SEEDS) throw seedsError(`${seeds.length} seeds given; a sweep replicates a setting under at most ${MAX_SEEDS}`);
  const twice = seeds.find((s, i) => seeds.indexOf(s) !== i);
  if (twice !== undefined) throw seedsError(`seed ${twice} is given twice: each seed would run the same settings twice`);
  return seeds;
}

/** --seed and --seeds both set the seed (sweep and compare): bad input. */
export function refuseSeedBesideSeeds(seed: string | undefined, seeds: string | undefined): void {
  if (seed !== undefined && seeds !== undefined) throw seedsError('--seed and --seeds both set the seed: give --seed for one seed, --seeds for several');
}

/** The --grid value that varies the seeds. */
export function seedsGridFlag(seeds: readonly number[]): string {
  return `${SEED_GRID_PATH}=${seeds.join(',')}`;
}
