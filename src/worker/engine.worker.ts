/// <reference lib="webworker" />
/** The worker entry: host a RunHost and wire it to postMessage. Logic lives in host.ts. */
import { setAssetFetcher } from '../core/tasks/assets';
import { RunHost } from './host';
import type { WorkerCommand, WorkerEvent } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Task data (public/data/) comes from this origin only.
setAssetFetcher(async (name) => {
  const response = await fetch(`${import.meta.env.BASE_URL}data/${name}`);
  if (!response.ok) throw new Error(`Could not load data/${name}: HTTP ${response.status}`);
  return response.arrayBuffer();
});
const host = new RunHost((event: WorkerEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []));
scope.onmessage = (e: MessageEvent<WorkerCommand>) => host.handle(e.data);
scope.onerror = (e) => {
  scope.postMessage({ type: 'error', message: String(e), fatal: true } satisfies WorkerEvent);
};
