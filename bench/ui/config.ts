/**
 * The UI benchmark's fixed settings: where the repository is, the host's clock, the viewport, the
 * deadline of any one wait, the two users and the name each one's People search looks for.
 */
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const NOW = '2026-11-01T12:00:00Z';
export const VIEWPORT = { width: 1440, height: 900 };
/** Deadline of any one wait: long enough to measure a slow interaction rather than abort on it. */
export const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 240_000);
if (!Number.isFinite(DEADLINE_MS) || DEADLINE_MS <= 0)
  throw new Error(`BENCH_DEADLINE_MS: a number of milliseconds above 0, not "${process.env.BENCH_DEADLINE_MS}"`);

export type User = 'demo' | 'heavy';
export const USERS: readonly User[] = ['demo', 'heavy'];

/** A name the People search finds exactly once, typed one character short first (which finds several). */
export const SEARCH: Record<User, string> = { demo: 'Moritz Schulze', heavy: 'Vorname29999' };
