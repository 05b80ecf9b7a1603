import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The project's vitest config as `npm run test:mutation` (StrykerJS, stryker.config.json) runs it:
 * test files share their imports instead of loading them afresh for each file and each mutant
 * (about 2.5× faster; the same results, compared mutant by mutant). The setup file makes sure no
 * mutant is active while the tests are collected, as in a fresh worker.
 */
export default mergeConfig(
  base,
  defineConfig({ test: { isolate: false, setupFiles: ['./test/helpers/mutation-setup.ts'] } }),
);
