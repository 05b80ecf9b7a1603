import { useEffect, useState } from 'react';

/**
 * Whether the frame showing what made `ready` true has been painted: false until then, true after (and
 * from then on). What a view asks for next — its secondary data, the code of its charts and dialogs —
 * waits for it, so the first view is drawn without them competing for the same two cores, and main is
 * not asked for its full audit while the page still draws its numbers (electron/services/foreground.ts).
 */
export function useAfterPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callbacks run before it is painted; a task queued from one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
