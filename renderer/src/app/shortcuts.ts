import { useEffect, useRef } from 'react';
import { COMMANDS, matches, type CommandId } from '../../../shared/commands';
import { platform } from '../platform';

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Binds every command's shortcut (shared/commands.ts) — and the desktop menu's commands, which are the
 * same list — to its handler while the page is open.
 */
export function useShortcuts(run: (id: CommandId) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F6') {
        event.preventDefault();
        document.querySelector<HTMLElement>('[data-testid="toast"] button, [data-testid="toast"] a')?.focus();
        return;
      }
      const target = event.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable="true"]') !== null;
      // A dialog keeps its keys (Escape closes it, Tab stays inside).
      if (document.querySelector('[role="dialog"]')) return;
      for (const command of COMMANDS) {
        if (command.keys === null || !matches(command.keys, event, IS_MAC)) continue;
        // Typing "?" or Ctrl+Z in a field belongs to the field.
        if (typing && (command.keys === '?' || command.id === 'undoRevocation')) return;
        event.preventDefault();
        latest.current(command.id);
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The desktop menu sends the same commands; Ctrl/Cmd+Z in a text field still undoes typing.
  useEffect(
    () =>
      platform.on('command', (id) => {
        const typing = document.activeElement?.closest('input, textarea, [contenteditable="true"]');
        if (id === 'undoRevocation' && typing) document.execCommand('undo');
        else latest.current(id);
      }),
    [],
  );
}
