/**
 * Setup file of vitest.mutation.config.ts (only `npm run test:mutation` uses it). Stryker switches a
 * mutant on in a beforeAll hook; with workers kept between runs (isolate: false) the previous
 * mutant would still be on while the next run collects its tests. Collecting must see no mutant.
 */
import { inject } from 'vitest';

const activation = (inject as (key: string) => unknown)('mutantActivation');
const stryker = (globalThis as { __stryker__?: { activeMutant?: string } }).__stryker__;
if (activation === 'runtime' && stryker) stryker.activeMutant = undefined;
