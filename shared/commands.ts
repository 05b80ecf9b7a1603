/**
 * Every command of the app, in one list: the renderer binds its keyboard shortcuts from it, lists
 * them on "?", and the desktop app builds its application menu from it (File / Edit / View / Help),
 * so the menu, the shortcuts and the help can never disagree.
 */
import type { MessageKey } from './i18n';

export const COMMAND_IDS = [
  'import',
  'importFolder',
  'exportReport',
  'undoRevocation',
  'search',
  'settings',
  'goOverview',
  'goFindings',
  'goPlan',
  'goPeople',
  'goRevocations',
  'goHistory',
  'showShortcuts',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface Command {
  id: CommandId;
  /** "mod" is ⌘ on macOS and Ctrl elsewhere (each OS's convention); null: no shortcut. */
  keys: string | null;
  label: MessageKey;
  menu: 'file' | 'edit' | 'view' | 'help';
}

export const COMMANDS: readonly Command[] = [
  { id: 'import', keys: 'mod+o', label: 'ui.import', menu: 'file' },
  { id: 'importFolder', keys: 'mod+shift+o', label: 'ui.importFolder', menu: 'file' },
  { id: 'exportReport', keys: 'mod+e', label: 'ui.exportReport', menu: 'file' },
  { id: 'undoRevocation', keys: 'mod+z', label: 'ui.undoRevocation', menu: 'edit' },
  { id: 'search', keys: 'mod+f', label: 'ui.searchCommand', menu: 'edit' },
  { id: 'settings', keys: 'mod+,', label: 'ui.settings', menu: 'edit' },
  { id: 'goOverview', keys: 'mod+1', label: 'ui.screen_overview', menu: 'view' },
  { id: 'goFindings', keys: 'mod+2', label: 'ui.screen_findings', menu: 'view' },
  { id: 'goPlan', keys: 'mod+3', label: 'ui.screen_plan', menu: 'view' },
  { id: 'goPeople', keys: 'mod+4', label: 'ui.screen_people', menu: 'view' },
  { id: 'goRevocations', keys: 'mod+5', label: 'ui.screen_revocations', menu: 'view' },
  { id: 'goHistory', keys: 'mod+6', label: 'ui.screen_history', menu: 'view' },
  { id: 'showShortcuts', keys: '?', label: 'ui.shortcuts', menu: 'help' },
];

/** The keys of a shortcut as this OS writes them: "⌘O" on macOS, "Ctrl+O" elsewhere. */
export function keysLabel(keys: string, mac: boolean): string {
  const parts = keys.split('+').map((k) => {
    if (k === 'mod') return mac ? '⌘' : 'Ctrl';
    if (k === 'shift') return mac ? '⇧' : 'Shift';
    return k.length === 1 ? k.toUpperCase() : k;
  });
  return mac ? parts.join('') : parts.join('+');
}

/** Electron's accelerator for a shortcut ("CmdOrCtrl+Shift+O"); null where there is none. */
export function accelerator(keys: string | null): string | null {
  if (keys === null || keys === '?') return null;
  return keys
    .split('+')
    .map((k) => (k === 'mod' ? 'CmdOrCtrl' : k === 'shift' ? 'Shift' : k.toUpperCase()))
    .join('+');
}

/** Whether a key event is this shortcut (mod = ⌘ on macOS, Ctrl elsewhere; no stray modifiers). */
export function matches(
  keys: string,
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  mac: boolean,
): boolean {
  if (keys === '?') return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey;
  const parts = keys.split('+');
  const key = parts[parts.length - 1]!;
  const mod = parts.includes('mod');
  const shift = parts.includes('shift');
  const modDown = mac ? event.metaKey : event.ctrlKey;
  const otherDown = mac ? event.ctrlKey : event.metaKey;
  return event.key.toLowerCase() === key && modDown === mod && event.shiftKey === shift && !otherDown && !event.altKey;
}
