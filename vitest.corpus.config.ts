import { defineConfig } from 'vitest/config';

/** The real-world sample corpus beside our own clones (../shared/samples): `npm run test:corpus`. */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
