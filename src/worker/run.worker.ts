/// <reference lib="webworker" />
/** The worker entry: host a RunHost and wire it to postMessage. Logic lives in host.ts. */
import { setAssetFetcher } from '../core/tasks/assets';
import { fetchDataFile } from './dataFiles';
import { RunHost } from './host';
import type { WorkerCommand, WorkerEvent } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Task data (public/data/) comes from this origin only.
setAssetFetcher(fetchDataFile);
const host = new RunHost((event: WorkerEvent, transfer?: Transferable[]) => scope.postMessage(event, transfer ?? []));
scope.onmessage = (e: MessageEvent<WorkerCommand>) => host.handle(e.data);
scope.onerror = (e) => {
  scope.postMessage({ type: 'error', message: String(e), fatal: true } satisfies WorkerEvent);
};
