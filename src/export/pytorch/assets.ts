import type { RunConfig } from '../../core/run/config';
import { pytorchScript, scriptAssets, unexportableReason, type ScriptResult } from './script';

/**
 * The lane's script with the data files it embeds (`scriptAssets`), read by `readFile`: the browser
 * fetches them from its origin, the CLI reads them from public/data/. A file that cannot be read
 * becomes a reason, never a script without its data.
 */
export async function scriptWithAssets(config: RunConfig, laneIdx: number, readFile: (name: string) => Promise<ArrayBuffer | Uint8Array>): Promise<ScriptResult> {
  let files: (readonly [string, Uint8Array])[];
  try {
    files = await Promise.all(scriptAssets(config.task.id).map(async (name) => [name, new Uint8Array(await readFile(name))] as const));
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
