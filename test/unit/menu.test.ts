import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/main/menu';
import { accelerator, COMMANDS, keysLabel, matches, type CommandId } from '../../shared/commands';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}

const build = (mac: boolean, lang: 'de' | 'en' = 'en', packaged = true) => {
  const ran: CommandId[] = [];
  const template = menuTemplate({ lang, mac, appName: 'ShareAudit', packaged, run: (id) => ran.push(id) });
  return { template, all: items(template), ran };
};

describe('the application menu comes from the one command list', () => {
  it.each([true, false])('every command exactly once, with its accelerator (mac: %s)', (mac) => {
    const { all } = build(mac);
    for (const command of COMMANDS) {
      const found = all.filter((i) => i.id === command.id);
      expect(found, command.id).toHaveLength(1);
      expect(found[0]!.accelerator ?? null).toBe(accelerator(command.keys));
    }
  });

  it('macOS gets the app menu with Settings (⌘,); elsewhere Settings is under Edit', () => {
    const mac = build(true).template;
    expect(mac.map((m) => m.label)).toEqual(['ShareAudit', 'File', 'Edit', 'View', 'Help']);
    expect((mac[0]!.submenu as MenuItemConstructorOptions[]).some((i) => i.id === 'settings')).toBe(true);
    const linux = build(false).template;
    expect(linux.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect((linux[1]!.submenu as MenuItemConstructorOptions[]).some((i) => i.id === 'settings')).toBe(true);
  });

  it('Ctrl/Cmd+Z goes to the page (undo the last revocation), not to a native undo role', () => {
    const { all } = build(false);
    expect(all.some((i) => i.role === 'undo')).toBe(false);
    expect(all.find((i) => i.id === 'undoRevocation')!.accelerator).toBe('CmdOrCtrl+Z');
    expect(all.filter((i) => ['cut', 'copy', 'paste', 'selectAll', 'redo'].includes(String(i.role)))).toHaveLength(5);
  });

  it('speaks the page’s language', () => {
    const { template, all } = build(false, 'de');
    expect(template.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Darstellung', 'Hilfe']);
    expect(all.find((i) => i.id === 'import')!.label).toBe('Importieren…');
  });

  it('reload and DevTools only while developing', () => {
    expect(build(false, 'en', true).all.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build(false, 'en', false).all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('choosing an item sends its command to the page', () => {
    const { all, ran } = build(false);
    const item = all.find((i) => i.id === 'goFindings')!;
    (item.click as () => void)();
    expect(ran).toEqual(['goFindings']);
  });
});

describe('shortcuts follow each OS', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('mod is ⌘ on macOS and Ctrl elsewhere; no stray modifiers', () => {
    expect(matches('mod+o', key('o', { metaKey: true }), true)).toBe(true);
    expect(matches('mod+o', key('o', { ctrlKey: true }), true)).toBe(false);
    expect(matches('mod+o', key('o', { ctrlKey: true }), false)).toBe(true);
    expect(matches('mod+o', key('O', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matches('mod+shift+o', key('O', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matches('mod+o', key('o', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(matches('?', key('?', { shiftKey: true }), false)).toBe(true);
  });
  it('labels as each OS writes them', () => {
    expect(keysLabel('mod+shift+o', true)).toBe('⌘⇧O');
    expect(keysLabel('mod+shift+o', false)).toBe('Ctrl+Shift+O');
    expect(accelerator('mod+,')).toBe('CmdOrCtrl+,');
    expect(accelerator('?')).toBeNull();
  });
});
