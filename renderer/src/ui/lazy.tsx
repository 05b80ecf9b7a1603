import { lazy, useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';

/**
 * A component whose code loads when it is first needed (`preload` starts that early) — a screen, or the
 * charts of one. Unlike a bare `React.lazy`, one whose code has arrived renders at once, without
 * suspending: React shows the content of a boundary that has just shown its fallback no sooner than
 * 300 ms later, so the opening screen — loaded beside its first request — would wait that long after
 * its numbers arrived.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const waiting = new Set<() => void>();
  // A failed load is tried again the next time it is needed (the screen opened again), not remembered.
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        for (const wake of waiting) wake();
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function Loaded(props: P) {
    // Fixed for the life of this element: switching to the loaded component later would remount it.
    // A React.lazy of its own (React.lazy remembers a failure): the next element loads again.
    const [Component] = useState<ComponentType<P>>(
      () => loaded ?? lazy(() => preload().then((component) => ({ default: component }))),
    );
    return <Component {...props} />;
  }
  const subscribe = (wake: () => void): (() => void) => {
    waiting.add(wake);
    return () => waiting.delete(wake);
  };
  /**
   * Whether the code has arrived (and, if `wanted`, starts loading it): a part of a screen shown only then never
   * suspends, so it appears the moment its code does rather than after React's reveal delay.
   */
  function useLoaded(wanted = true): boolean {
    const arrived = useSyncExternalStore(subscribe, () => loaded !== undefined);
    useEffect(() => {
      if (wanted && !arrived) void preload().catch(() => undefined);
    }, [wanted, arrived]);
    return arrived;
  }
  return Object.assign(Loaded, { preload, useLoaded });
}
