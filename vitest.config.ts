import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests use fixed seeds; scenario tests run whole simulations.
    testTimeout: 60_000,
  },
});
