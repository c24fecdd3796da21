/**
 * The loader of the data files some tasks need (the packed digits, the pre-trained checkpoint).
 * They live in `public/data/` and are produced by `npm run data` and `npm run pretrain`.
 *
 * Core knows no DOM and no file system, so the host installs a fetcher: the worker fetches the file
 * from its own origin, Node reads it from disk (`src/cli/assets.ts`). Task factories are synchronous
 * (every lane builds its instance the same way), so a host awaits `loadTaskAssets(taskId)` once
 * before building a run; the bytes are then cached for the life of the process.
 */

/** Reads the named file of `public/data/`. */
export type AssetFetcher = (name: string) => Promise<ArrayBuffer | Uint8Array>;

let fetcher: AssetFetcher | null = null;
const loaded = new Map<string, Uint8Array>();
const inFlight = new Map<string, Promise<Uint8Array>>();

export function setAssetFetcher(f: AssetFetcher | null): void {
  fetcher = f;
}

async function loadAsset(name: string): Promise<Uint8Array> {
  const cached = loaded.get(name);
  if (cached) return cached;
  if (!fetcher) throw new Error(`No asset fetcher installed: cannot load '${name}' (call setAssetFetcher first).`);
  let pending = inFlight.get(name);
  if (!pending) {
    // A private copy: a Node Buffer may share a pooled ArrayBuffer, and views must never transfer it.
    pending = fetcher(name).then((data) => (data instanceof Uint8Array ? Uint8Array.from(data) : new Uint8Array(data)));
    inFlight.set(name, pending);
  }
  try {
    const bytes = await pending;
    loaded.set(name, bytes);
    return bytes;
  } finally {
    inFlight.delete(name);
  }
}

/** Load (once) each named file. */
export async function loadAssets(names: readonly string[]): Promise<void> {
  await Promise.all(names.map(loadAsset));
}

/** The bytes of a loaded asset (throws, saying what to do, when it was not loaded). */
export function asset(name: string): Uint8Array {
  const bytes = loaded.get(name);
  if (!bytes) throw new Error(`Asset '${name}' is not loaded: await loadTaskAssets(taskId) before creating the task.`);
  return bytes;
}
