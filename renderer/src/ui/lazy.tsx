import { useEffect, useState, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

/** What a lazy component shows when its code could not be loaded (given its props): the reason, and a retry. */
export type LoadFailed<P> = (retry: () => void, error: unknown, props: P) => ReactNode;

/**
 * A component whose code loads when it is first needed (`preload` starts that early) — a screen, or the
 * charts of one. Until its code is here it shows `fallback`; then the component, at once. It never
 * suspends: React shows the content of a Suspense boundary that has just shown its fallback no sooner
 * than 300 ms later, so a screen loaded beside its first request would wait that long after its data.
 * A failed load shows `failed` (with a retry) where it is shown; it is tried again on retry, or the
 * next time the component is shown — not remembered: a load that failed before this component was
 * shown (a preload) shows the fallback while it is tried again, never its failure for a frame.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
  failed: LoadFailed<P> = () => fallback,
) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  /** The last load's failure (and the version it made), until a new load starts. */
  let failure: { error: unknown; at: number } | null = null;
  /** Changes whenever what a Lazy shows may change (a snapshot for useSyncExternalStore). */
  let version = 0;
  const waiting = new Set<() => void>();
  const changed = (): void => {
    version++;
    for (const wake of waiting) wake();
  };
  const preload = (): Promise<ComponentType<P>> => {
    if (loading) return loading;
    if (failure) {
      failure = null;
      changed();
    }
    loading = load().then(
      (component) => {
        loaded = component;
        changed();
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        failure = { error, at: version + 1 };
        changed();
        throw error;
      },
    );
    return loading;
  };
  const subscribe = (wake: () => void): (() => void) => {
    waiting.add(wake);
    return () => waiting.delete(wake);
  };
  const retry = (): void => void preload().catch(() => undefined);
  function Lazy(props: P) {
    useSyncExternalStore(subscribe, () => version);
    // What had failed before this was shown is tried again as it is shown (below), not shown failed.
    const [shownAt] = useState(() => version);
    const arrived = loaded !== undefined;
    useEffect(() => {
      // Shown again after a failure: tried again.
      if (!arrived) retry();
    }, [arrived]);
    const Component = loaded;
    if (Component) return <Component {...props} />;
    return failure && !loading && failure.at > shownAt ? failed(retry, failure.error, props) : fallback;
  }
  return Object.assign(Lazy, { preload });
}
