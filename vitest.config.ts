import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // The sample corpus lives outside the repository: only `npm run test:corpus` (vitest.corpus.config.ts).
    exclude: [...configDefaults.exclude, 'test/corpus/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
