// Mutation testing: `npm run test:mutation` (long; not part of `npm test`). See README, "Test it".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // The project's vitest config with the test files sharing their imports (see that file).
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'shared/rules/**/*.ts',
    'shared/audit.ts',
    'shared/familiarity.ts',
    'shared/exposure.ts',
    'shared/identity.ts',
    'shared/sharing.ts',
    'shared/tags.ts',
    'shared/dates.ts',
    'shared/report/**/*.ts',
    'electron/services/report/csv.ts',
  ],
  // The fast tests of these files. Left out: the importer, CLI, host, database and parallel-import
  // tests (they spawn processes, import big generated exports, and test code outside this set), and
  // people.test.ts, which changes the sharing settings that `sharing:get` hands it in the same
  // process (PLATFORM_DEFAULTS itself, when nothing is declared) and so breaks every later test file
  // in a shared worker.
  testFiles: [
    'test/unit/**/*.test.ts',
    'test/integration/mute.test.ts',
    'test/integration/own-details.test.ts',
    'test/integration/policy.test.ts',
    'test/integration/report.test.ts',
    'test/integration/sharing.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants that only run while a module loads (rule titles, the platform defaults, lookup tables)
  // would each need the whole test set; they are reported as ignored, not counted. Keep it so with
  // vitest.mutation.config.ts: workers kept between runs would not load a static mutant at all.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'html', 'json'],
  clearTextReporter: { reportMutants: false, reportTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['out', '.tsbuild', 'native', 'test-results', 'playwright-report', 'bench/.data', 'reports'],
};
