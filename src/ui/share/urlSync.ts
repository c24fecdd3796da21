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

/** What a history entry remembers besides its hash: the element to show again when Back returns to it. */
interface EntryState {
  returnTo?: string;
}

/**
 * A new history entry for `config`, about to become the current run. `returnTo` (a CSS selector,
 * e.g. the sweep's heatmap) is what Back scrolls into view when it returns to the entry left here:
 * the page's height changes with the run, so the browser's own scroll restoration can miss it.
 */
export function pushRunEntry(config: RunConfig, returnTo?: string): void {
  const hash = hashOf(config);
  current = hash;
  if (location.hash === hash) return;
  if (returnTo) history.replaceState({ ...(history.state as EntryState | null), returnTo } satisfies EntryState, '');
  history.pushState(null, '', hash);
}

function showAgain(state: unknown): void {
  const selector = (state as EntryState | null)?.returnTo;
  if (!selector) return;
  // After the loaded run has rendered (two frames), so the element's place is final.
  requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector(selector)?.scrollIntoView({ block: 'center' })));
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
  const onPop = (e: PopStateEvent) => {
    onHash();
    showAgain(e.state);
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onPop);
  };
}

/** The link that replays this run, shown as it is now, and starts it on open. */
export function shareLink(config: RunConfig): string {
  return location.origin + location.pathname + hashOf(config, true);
}
