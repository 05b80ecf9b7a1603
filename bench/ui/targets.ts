/**
 * The interactions measured, in the order of a run, with the heavy user's targets (time, bytes, long
 * tasks), and the targets at rest (DOM elements per screen, JS heap after GC).
 */

export interface Spec {
  key: string;
  label: string;
  /** Target at the heavy user: ms (null: reported, not judged). */
  targetMs: number | null;
  /** Whether "no long task > 100 ms" applies (every click and keypress). */
  judgeLongTasks: boolean;
  /**
   * Whether no long task at all may occur: a what-if change never blocks the page more than 50 ms,
   * and a long task is a task over 50 ms (stricter than judgeLongTasks, which it replaces).
   */
  noLongTask?: boolean;
}

export const TARGET_BYTES = 200 * 1000;
export const TARGET_LONG_TASK_MS = 100;
export const TARGET_DOM = 3000;
export const TARGET_HEAP_MB = 80;

export const INTERACTIONS: Spec[] = [
  {
    key: 'load.cold',
    label: 'open the app (host just started) → headline numbers',
    targetMs: 1000,
    judgeLongTasks: false,
  },
  {
    key: 'load.warm',
    label: 'reload the app (audit cached) → headline numbers',
    targetMs: 1000,
    judgeLongTasks: false,
  },
  { key: 'nav.findings', label: 'click "Findings" → first finding row', targetMs: 1000, judgeLongTasks: true },
  {
    key: 'revoke.one',
    label: 'Revoke (first row) → row and count show it planned',
    targetMs: 150,
    judgeLongTasks: true,
  },
  { key: 'undo.one', label: "toast's Undo → row and count restored", targetMs: 150, judgeLongTasks: true },
  { key: 'export', label: '"Export report" → file handed to the browser', targetMs: 150, judgeLongTasks: true },
  { key: 'sharing.open', label: 'open Sharing → preview visible', targetMs: 150, judgeLongTasks: true },
  {
    key: 'sharing.whatif',
    label: 'what-if: email → "Only me" → preview changed',
    targetMs: 150,
    judgeLongTasks: true,
    noLongTask: true,
  },
  { key: 'nav.people', label: 'click "People" → first person row', targetMs: 1000, judgeLongTasks: true },
  {
    key: 'people.search',
    label: 'People search: last keypress → exactly that person',
    targetMs: 150,
    judgeLongTasks: true,
  },
  { key: 'bulk.select', label: '"Select all … matching" → selection shown', targetMs: 150, judgeLongTasks: true },
  { key: 'bulk.ask', label: '"Revoke selected" → confirm dialog with its effect', targetMs: 150, judgeLongTasks: true },
  { key: 'bulk.revoke', label: 'confirm bulk revoke → list settled', targetMs: 2000, judgeLongTasks: true },
  {
    key: 'nav.revocations',
    label: 'click "Revocations" (after bulk) → first row',
    targetMs: 1000,
    judgeLongTasks: true,
  },
  { key: 'bulk.undo', label: 'Undo the bulk revoke → revocations count 0', targetMs: 2000, judgeLongTasks: true },
];
