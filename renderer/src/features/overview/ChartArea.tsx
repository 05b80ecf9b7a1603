import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/**
 * True from the first frame after this component was painted. Drawing a chart takes recharts tens of
 * milliseconds (≈ 250 ms for the overview's charts together): the numbers around it are shown first,
 * and the pictures are drawn afterwards in a transition React may interrupt.
 */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame is painted; the timeout after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** A chart's picture, full width and `height` px high: drawn once the card around it is on screen. */
export function ChartArea({ height, children }: { height: number; children: ReactNode }) {
  const painted = usePainted();
  return painted ? (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  ) : (
    <div className="chart-placeholder" style={{ height }} aria-hidden="true" />
  );
}
