import { decodeConfig, encodeConfig, type Decoded } from '../../core/run/codec';
import type { RunConfig } from '../../core/run/config';
import { useStore } from '../store';
import { viewOf } from '../store/uiSlice';

/** The hash of `config` with the page's current view (x axis, y scale, smoothing, seeds). */
const hashOf = (config: RunConfig, autoplay = false) => encodeConfig(config, { autoplay, view: viewOf(useStore.getState()) });

/**
 * The only module that touches `location` and `history`. The address bar mirrors the config
 * through `replaceState` (edits never add history entries) and never carries `run=1`; only opening
 * another run (a sweep cell) pushes an entry, so Back returns to the run it came from.
 */

/** The hash last loaded or written: a `hashchange` and a `popstate` for the same Back load it once. */
let current: string | null = null;

function write(config: RunConfig): void {
  const hash = hashOf(config);
  current = hash;
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** A new history entry for `config`, about to become the current run. */
export function pushRunEntry(config: RunConfig): void {
  const hash = hashOf(config);
  current = hash;
  if (location.hash !== hash) history.pushState(null, '', hash);
}

/** Decode the hash now and whenever the user edits it or walks the history; mirror every config change back. */
export function startUrlSync(load: (decoded: Decoded) => void): () => void {
  const onHash = () => {
    if (location.hash === current) return;
    load(decodeConfig(location.hash));
    write(useStore.getState().config);
  };
  onHash();
  const unsubscribe = useStore.subscribe((s, prev) => {
    const viewChanged = s.xKey !== prev.xKey || s.logY !== prev.logY || s.smoothing !== prev.smoothing || s.seeds !== prev.seeds;
    if (s.config !== prev.config || viewChanged) write(s.config);
  });
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onHash);
  };
}

/** The link that replays this run, shown as it is now, and starts it on open. */
export function shareLink(config: RunConfig): string {
  return location.origin + location.pathname + hashOf(config, true);
}
