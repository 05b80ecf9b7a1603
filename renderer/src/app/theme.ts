import { useEffect, useState } from 'react';
import type { ThemeChoice } from '../../../shared/contract';
import { platform } from '../platform';

export type { ThemeChoice };
const KEY = 'shareaudit.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * Light, dark, or like the system (prefers-color-scheme, which Electron feeds from nativeTheme):
 * the choice is kept, and the page's `data-theme` follows it and the system's changes live. The
 * desktop app's own parts (title bar, menus, dialogs) are told the choice (`app:theme`).
 */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    localStorage.setItem(KEY, choice);
    void platform.invoke('app:theme', { theme: choice }).catch(() => undefined);
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      const dark = choice === 'dark' || (choice === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [choice]);
  return [choice, setChoice];
}
