/**
 * The only source of randomness: one seeded generator (seedrandom's Alea) split into named streams.
 * Each component takes `rng.stream('<component>')`, so adding a random consumer never shifts the
 * numbers another component draws.
 */
import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Multiplies `value` by a factor uniform in [1 − ratio, 1 + ratio]. */
  jitter(value: number, ratio: number): number;
}

export class Rng {
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  /** The named stream; the same name always returns the same stream object. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      const prng = seedrandom.alea(`scalesim:${this.seed}:${name}`);
      s = {
        next: () => prng(),
        int: (n) => Math.floor(prng() * n),
        jitter: (value, ratio) => (ratio > 0 ? value * (1 + ratio * (2 * prng() - 1)) : value),
      };
      this.streams.set(name, s);
    }
    return s;
  }
}
