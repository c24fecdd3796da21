import { useSyncExternalStore } from 'react';
import { replicas } from '../replicas';
import { series } from '../series';
import { throttle } from '../shared/throttle';

interface VersionSource {
  version: () => number;
  subscribe: (listener: () => void) => () => void;
}

interface Ticker {
  get: () => number;
  subscribe: (listener: () => void) => () => void;
}

/**
 * A source's version, republished at most once per `intervalMs` (charts redraw ≤ 4 times a second
 * however fast metrics arrive); a trailing update always lands the latest data. One ticker per
 * (source, interval) is shared by every component, so they all re-render in the same batch.
 */
function makeTicker(source: VersionSource, intervalMs: number): Ticker {
  let shown = source.version();
  const listeners = new Set<() => void>();
  source.subscribe(
    throttle(() => {
      shown = source.version();
      listeners.forEach((l) => l());
    }, intervalMs),
  );
  return {
    get: () => shown,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const tickers = new Map<VersionSource, Map<number, Ticker>>();

function useThrottledVersion(source: VersionSource, intervalMs: number): number {
  let bySource = tickers.get(source);
  if (!bySource) tickers.set(source, (bySource = new Map()));
  let ticker = bySource.get(intervalMs);
  if (!ticker) bySource.set(intervalMs, (ticker = makeTicker(source, intervalMs)));
  return useSyncExternalStore(ticker.subscribe, ticker.get);
}

export const useThrottledSeriesVersion = (intervalMs = 250): number => useThrottledVersion(series, intervalMs);
export const useThrottledReplicaVersion = (intervalMs = 250): number => useThrottledVersion(replicas, intervalMs);
