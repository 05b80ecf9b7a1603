import { useEffect, useState } from 'react';

/** Whether this page has painted its first view: from then on, a view need not wait for a frame. */
let firstViewPainted = false;

/**
 * Whether the frame showing what made `ready` true has been painted — or, once the page has painted its
 * first view, whether `ready` is true: false until then, true after. What a view asks for next — its
 * secondary data, the code of its charts and dialogs — waits for it, so the first view is drawn without
 * them competing for the same two cores, and main is not asked for its full audit while the page still
 * draws its numbers (electron/services/foreground.ts). A view shown again later (the overview after the
 * findings) draws at once with what is cached: it does not wait a frame, and its charts do not appear a
 * frame after its numbers.
 */
export function useAfterPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  const done = ready && (painted || firstViewPainted);
  useEffect(() => {
    if (!ready || done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame's callbacks run before it is painted; a task queued from one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        firstViewPainted = true;
        setPainted(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, done]);
  return done;
}
