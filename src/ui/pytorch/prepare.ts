import type { RunConfig } from '../../core/config';
import { fetchDataFile } from '../../worker/dataFiles';
import { pytorchScript, scriptAssets, unexportableReason, type ScriptResult } from './script';

export { scriptAssets };

/**
 * The lane's script, once the data files it embeds (`scriptAssets`) are fetched from this origin as
 * the worker fetches them; a failed fetch becomes a reason, not a script without its data.
 */
export async function preparedScript(config: RunConfig, laneIdx: number, fetchFile: (name: string) => Promise<ArrayBuffer> = fetchDataFile): Promise<ScriptResult> {
  let files: (readonly [string, Uint8Array])[];
  try {
    files = await Promise.all(scriptAssets(config.task.id).map(async (name) => [name, new Uint8Array(await fetchFile(name))] as const));
  } catch (e) {
    return { ok: false, reason: `the data it embeds could not be fetched (${e instanceof Error ? e.message : String(e)})` };
  }
  return pytorchScript(config, laneIdx, Object.fromEntries(files));
}

/** Why no lane of the run can be exported, for the disabled button's title. */
export function whyNoScript(config: RunConfig, exportable: readonly number[]): string | null {
  if (exportable.length > 0) return null;
  if (config.lanes.length === 0) return 'No lane to export.';
  const reasons = new Set(config.lanes.map((_, i) => unexportableReason(config, i)));
  return `No PyTorch script: ${[...reasons].join('; ')}.`;
}
