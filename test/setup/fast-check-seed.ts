/**
 * Vitest setup (vitest.config.ts setupFiles): every property test runs with a fixed fast-check seed
 * unless it passes its own, so a run, and CI's run on a fresh clone, checks the same cases every
 * time. Before, fourteen property files drew a new seed at each run, and one failed on a fresh
 * clone with a case no earlier run had met. FC_SEED=<integer> runs another seed (fast-check prints
 * the seed of a failure), FC_SEED=random a new one at each run, to explore.
 */
import fc from 'fast-check';

/** The suite's seed when FC_SEED is unset. */
export const DEFAULT_FC_SEED = 20_261_124;

/** The seed FC_SEED asks for: undefined for `random`. */
export function fastCheckSeed(text: string | undefined): number | undefined {
  if (text === 'random') return undefined;
  if (text === undefined || text === '') return DEFAULT_FC_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED: expected a whole number or "random", got "${text}"`);
  return seed;
}

const seed = fastCheckSeed(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
