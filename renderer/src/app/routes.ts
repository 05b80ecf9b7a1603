import { useCallback, useEffect, useState } from 'react';

/** The app's screens, each at a deep link of its own (#/findings), in the order of the navigation. */
export const SCREENS = ['overview', 'findings', 'plan', 'people', 'revocations', 'history'] as const;
export type Screen = (typeof SCREENS)[number];

function fromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'overview';
}

/** The screen the app opens on (its address at start). */
export const initialScreen = (): Screen => fromHash(window.location.hash);

/** The current screen, kept in the address (back and forward work; a link opens a screen). */
export function useRoute(): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => fromHash(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setScreen(fromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: Screen) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [screen, go];
}
