/**
 * `scalesim sweep --seeds <list>`: the seeds every setting runs under, as replicates
 * (./replicates.ts). A comma-separated list of whole numbers (`1,2,3`) or an inclusive range
 * (`1..5`), at most MAX_SEEDS of them, none twice. The sweep takes them as its last grid axis,
 * `scenario.spec.seed`, so that a setting's seeds run one after the other and shards, the resume
 * journal and merge treat them as any other axis.
 */
import { UserInputError } from '../errors/user-input-error.js';

/** Most seeds one sweep replicates a setting under. */
export const MAX_SEEDS = 1000;

/** The grid path the seeds vary. */
export const SEED_GRID_PATH = 'scenario.spec.seed';

function seedsError(message: string): UserInputError {
  return new UserInputError({ file: '(command line)', field: '--seeds', message, hint: 'e.g. --seeds 1,2,3 or --seeds 1..10' });
}

function seedNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw seedsError(`"${text}" is not a seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER} in decimal digits`);
  return n;
}

/** The seeds of a --seeds value, in the order given. */
export function parseSeeds(text: string): number[] {
  const body = text.trim();
  const range = /^(\S+?)\s*\.\.\s*(\S+)$/.exec(body);
  let seeds: number[];
  if (range) {
    const from = seedNumber(range[1]!);
    const to = seedNumber(range[2]!);
    if (to < from) throw seedsError(`the range ${body} runs backwards: expected <first>..<last> with first ≤ last`);
    if (to - from + 1 > MAX_SEEDS) throw seedsError(`the range ${body} holds ${to - from + 1} seeds; a sweep replicates a setting under at most ${MAX_SEEDS}`);
    seeds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  } else {
    const parts = body.split(',').map((p) => p.trim());
    if (parts.some((p) => p === '')) throw seedsError(`"${text}" has an empty item: expected comma-separated seeds such as 1,2,3`);
    seeds = parts.map(seedNumber);
    if (seeds.length > MAX_SEEDS) throw seedsError(`${seeds.length} seeds given; a sweep replicates a setting under at most ${MAX_SEEDS}`);
    const twice = seeds.find((s, i) => seeds.indexOf(s) !== i);
    if (twice !== undefined) throw seedsError(`seed ${twice} is given twice: each seed would run the same settings twice`);
  }
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
