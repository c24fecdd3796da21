import { decodeConfig, encodeConfig, type Decoded } from '../../core/run/codec';
import type { RunConfig } from '../../core/run/config';
import { useStore } from '../store';

/**
 * The only module that touches `location` and `history`. The address bar mirrors the config
 * through `replaceState` (edits never add history entries) and never carries `run=1`.
 */

function write(config: RunConfig): void {
  const hash = encodeConfig(config);
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Decode the hash now and whenever the user edits it; mirror every config change back. */
export function startUrlSync(load: (decoded: Decoded) => void): () => void {
  const onHash = () => {
    load(decodeConfig(location.hash));
    write(useStore.getState().config);
  };
  onHash();
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.config !== prev.config) write(s.config);
  });
  window.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
  };
}

/** The link that replays this run and starts it on open. */
export function shareLink(config: RunConfig): string {
  return location.origin + location.pathname + encodeConfig(config, { autoplay: true });
}
