import { replicas } from './seedReplicas';
import { series } from './series';
import { throttle } from '../shared/throttle';
import { smallStore, useSmallStore, type SmallStore } from '../store/smallStore';

/** Results kept outside React: a version that grows with every change, and its subscription. */
interface VersionSource {
  version: () => number;
  subscribe: (listener: () => void) => () => void;
}

/**
 * A source's version, republished at most once per `intervalMs` (charts redraw ≤ 4 times a second
 * however fast metrics arrive); a trailing update always lands the latest data. One ticker per
 * (source, interval) is shared by every component, so they all re-render in the same batch.
 */
function makeTicker(source: VersionSource, intervalMs: number): SmallStore<{ version: number }> {
  const shown = smallStore({ version: source.version() });
  source.subscribe(throttle(() => shown.set({ version: source.version() }), intervalMs));
  return shown;
}

const tickers = new Map<VersionSource, Map<number, SmallStore<{ version: number }>>>();

function useThrottledVersion(source: VersionSource, intervalMs: number): number {
  let bySource = tickers.get(source);
  if (!bySource) tickers.set(source, (bySource = new Map()));
  let ticker = bySource.get(intervalMs);
  if (!ticker) bySource.set(intervalMs, (ticker = makeTicker(source, intervalMs)));
  return useSmallStore(ticker, (s) => s.version);
}

export const useThrottledSeriesVersion = (intervalMs = 250): number => useThrottledVersion(series, intervalMs);
export const useThrottledReplicaVersion = (intervalMs = 250): number => useThrottledVersion(replicas, intervalMs);
