import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

/**
 * A component whose code loads when it is first needed (`preload` starts that early) — a screen, or the
 * charts of one. Until its code is here it shows `fallback`; then the component, at once. It never
 * suspends: React shows the content of a Suspense boundary that has just shown its fallback no sooner
 * than 300 ms later, so a screen loaded beside its first request would wait that long after its data.
 * A failed load is tried again the next time the component is shown, not remembered.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const waiting = new Set<() => void>();
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
  const subscribe = (wake: () => void): (() => void) => {
    waiting.add(wake);
    return () => waiting.delete(wake);
  };
  function Lazy(props: P) {
    const arrived = useSyncExternalStore(subscribe, () => loaded !== undefined);
    useEffect(() => {
      if (!arrived) void preload().catch(() => undefined);
    }, [arrived]);
    const Component = loaded;
    return Component ? <Component {...props} /> : fallback;
  }
  return Object.assign(Lazy, { preload });
}
