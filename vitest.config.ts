import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A fixed fast-check seed for every property test that sets none (FC_SEED overrides it).
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // Property tests use fixed seeds; scenario tests run whole simulations, some of them in a
    // beforeAll hook (bench-large's 1,000 workloads for 10 minutes), so hooks get the same limit.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default in a run is one worker fewer than the cores: a single worker on a 2-core
    // machine. Two workers there took the suite from 384 s to 248 s (2026-11-23); with more cores
    // the default stands.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
