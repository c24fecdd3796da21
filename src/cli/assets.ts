import { readFile } from 'node:fs/promises';
import { setAssetFetcher } from '../core/tasks/assets';

/** Node reads task assets from the repository's `public/data/` (the browser fetches the same files). */
const DATA_DIR = new URL('../../public/data/', import.meta.url);

export function useDiskAssets(dir = DATA_DIR): void {
  setAssetFetcher((name) => readFile(new URL(name, dir)));
}

/** One file of `public/data/` (for the PyTorch script, which embeds some). */
export const readDataFile = (name: string): Promise<Uint8Array> => readFile(new URL(name, DATA_DIR));
