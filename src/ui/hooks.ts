import { useEffect, useState } from 'react';
import { series } from './series';

/**
 * The series version, updated at most once per `intervalMs` (the chart redraws ≤ 4 times a
 * second however fast metrics arrive); a trailing update always lands the latest data.
 */
export function useThrottledSeriesVersion(intervalMs = 250): number {
  const [version, setVersion] = useState(series.version);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const schedule = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + intervalMs - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = performance.now();
        setVersion(series.version());
      }, wait);
    };
    const unsubscribe = series.subscribe(schedule);
    schedule(); // catch anything recorded between the first render and subscribing
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [intervalMs]);
  return version;
}
