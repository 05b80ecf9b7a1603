import type { CommandId } from '../../../shared/commands';
import type { Screen } from './routes';
import { useShortcuts } from './shortcuts';

/** What the shell's commands act on. */
export interface ShellActions {
  /** An import or a write under way: only moving between screens and the list of shortcuts then. */
  busy: boolean;
  screen: Screen;
  go: (screen: Screen) => void;
  pick: (folders: boolean) => void;
  openDialog: (dialog: 'export' | 'settings' | 'shortcuts') => void;
  undoLast: () => void;
  /** Ctrl/Cmd+F: the findings screen focuses its search. */
  requestSearch: () => void;
}

/**
 * Every command of shared/commands.ts, as the shell runs it — from its keys and from the desktop menu
 * (both bound here), and from the shell's own buttons (returned).
 */
export function useShellCommands(actions: ShellActions): Record<CommandId, () => void> {
  const { go, openDialog } = actions;
  const commands: Record<CommandId, () => void> = {
    import: () => actions.pick(false),
    importFolder: () => actions.pick(true),
    exportReport: () => openDialog('export'),
    undoRevocation: actions.undoLast,
    search: () => {
      if (actions.screen !== 'findings') go('findings');
      actions.requestSearch();
    },
    settings: () => openDialog('settings'),
    goOverview: () => go('overview'),
    goFindings: () => go('findings'),
    goPlan: () => go('plan'),
    goPeople: () => go('people'),
    goRevocations: () => go('revocations'),
    goHistory: () => go('history'),
    showShortcuts: () => openDialog('shortcuts'),
  };
  useShortcuts((id) => {
    if (!actions.busy || id.startsWith('go') || id === 'showShortcuts') commands[id]();
  });
  return commands;
}
