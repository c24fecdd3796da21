import type { RunConfig } from '../../core/run/config';
import { scriptWithAssets } from '../../export/pytorch/assets';
import type { ScriptResult } from '../../export/pytorch/script';
import { fetchDataFile } from '../../worker/dataFiles';

export { scriptAssets } from '../../export/pytorch/script';
export { whyNoScript } from '../../export/pytorch/assets';

/**
 * The lane's script, once the data files it embeds are fetched from this origin as the worker
 * fetches them (the script itself is built by src/export/pytorch).
 */
export function preparedScript(config: RunConfig, laneIdx: number, fetchFile: (name: string) => Promise<ArrayBuffer> = fetchDataFile): Promise<ScriptResult> {
  return scriptWithAssets(config, laneIdx, fetchFile);
}
