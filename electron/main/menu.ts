/**
 * The application menu, built from the one command list (shared/commands.ts) that also gives the
 * renderer its shortcuts and its "?" help: File / Edit / View / Help, with the roles each OS expects
 * and the macOS app menu. Choosing a command sends it to the page (`event:command`).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMANDS, type CommandId } from '../../shared/commands';
import type { Lang } from '../../shared/domain';
import { message } from '../../shared/i18n';

export interface MenuOptions {
  lang: Lang;
  mac: boolean;
  appName: string;
  /** Reload and DevTools only while developing. */
  packaged: boolean;
  run: (id: CommandId) => void;
}

function item(id: CommandId, { lang, run }: MenuOptions): MenuItemConstructorOptions {
  const command = COMMANDS.find((c) => c.id === id)!;
  const keys = accelerator(command.keys);
  return {
    id,
    label: message(lang, command.label),
    ...(keys ? { accelerator: keys } : {}),
    click: () => run(id),
  };
}

function menu(which: 'file' | 'edit' | 'view' | 'help', options: MenuOptions, skip: CommandId[] = []) {
  return COMMANDS.filter((c) => c.menu === which && !skip.includes(c.id)).map((c) => item(c.id, options));
}

/** The macOS app menu, named after the app: About, Settings (⌘,), Services, Hide and Quit. */
function macAppMenu(options: MenuOptions, sep: MenuItemConstructorOptions): MenuItemConstructorOptions {
  return {
    label: options.appName,
    submenu: [
      { role: 'about' },
      sep,
      item('settings', options),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { lang, mac, packaged } = options;
  const label = (key: 'menu.file' | 'menu.edit' | 'menu.view' | 'menu.help'): string => message(lang, key);
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  // On macOS, Settings lives in the app menu (⌘,); elsewhere in Edit.
  const appMenu: MenuItemConstructorOptions[] = mac ? [macAppMenu(options, sep)] : [];
  return [
    ...appMenu,
    {
      label: label('menu.file'),
      submenu: [
        ...menu('file', options),
        ...(mac ? [sep, { role: 'close' as const }] : [sep, { role: 'quit' as const }]),
      ],
    },
    {
      label: label('menu.edit'),
      submenu: [
        // Ctrl/Cmd+Z goes to the page: in a text field it undoes typing, elsewhere the last revocation.
        ...menu('edit', options, mac ? ['settings'] : []),
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: label('menu.view'),
      submenu: [
        ...menu('view', options),
        sep,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
        ...(packaged ? [] : [sep, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { label: label('menu.help'), role: 'help', submenu: menu('help', options) },
  ];
}
