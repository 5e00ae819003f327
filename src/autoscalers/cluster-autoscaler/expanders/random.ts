/**
 * The random expander (expander/random/random.go): picks one option uniformly at random. It is a
 * Strategy (one result) and the chain's fallback. Draws from the injected seeded stream, never
 * from a global source.
 */
import type { RandomStream } from '../../../core/rng.js';
import type { ExpanderDefinition, ExpanderFilter } from './expander.js';

export const RANDOM_EXPANDER_NAME = 'random';

export function createRandomExpander(random: RandomStream): ExpanderFilter {
  return {
    name: RANDOM_EXPANDER_NAME,
    singleResult: true,
    bestOptions(options) {
      if (options.length === 0) return [];
      const picked = options[random.int(options.length)];
      return picked === undefined ? [] : [picked];
    },
  };
}

export const randomExpander: ExpanderDefinition = { name: RANDOM_EXPANDER_NAME, singleResult: true, create: createRandomExpander };
