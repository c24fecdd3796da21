import { readFile } from 'node:fs/promises';
import { setAssetFetcher } from '../core/tasks/assets';

/** Node reads task assets from the repository's `public/data/` (the browser fetches the same files). */
export function useDiskAssets(dir = new URL('../../public/data/', import.meta.url)): void {
  setAssetFetcher((name) => readFile(new URL(name, dir)));
}
