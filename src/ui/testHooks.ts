import type { RunConfig } from '../core/config';
import { buildCsv, buildJson } from './csvExport';
import { injectFault, requestBench, requestSelfTest, workerTensorCount } from './engine';
import type { FaultKind } from '../worker/protocol';
import { series } from './series';
import { useStore } from './store';

/** Read-only helpers for browser tests (`window.__zo`). */
export interface ZoTestHooks {
  getCsv(): string;
  getJson(): string;
  getConfig(): RunConfig;
  getState(): { playing: boolean; step: number; done: boolean; backend?: string; numParams: number; numTensors: number };
  /** Make the worker suffer a platform fault (device loss, uncaught throw, hang). */
  injectFault(fault: FaultKind): void;
  /** Compare the worker's GPU perturbation kernel with the TypeScript twin. */
  selfTest: typeof requestSelfTest;
  /** The benchmark suite on the worker's backend (used by `npm run bench`). */
  bench: typeof requestBench;
  /** Points drawn by the loss chart for each series (decimated). */
  drawnPoints(): number[];
  getNotices(): string[];
  seriesLength(lane: number): number;
}

declare global {
  interface Window {
    __zo?: ZoTestHooks;
  }
}

export function installTestHooks(): void {
  const hooks: ZoTestHooks = {
    getCsv: buildCsv,
    getJson: buildJson,
    getConfig: () => structuredClone(useStore.getState().config),
    getState: () => {
      const s = useStore.getState();
      return {
        playing: s.playing,
        step: s.step,
        done: s.done,
        backend: s.backend?.name,
        numParams: s.numParams,
        numTensors: workerTensorCount(),
      };
    },
    injectFault,
    selfTest: requestSelfTest,
    bench: requestBench,
    drawnPoints: () =>
      Array.from(document.querySelectorAll('[data-testid="loss-chart"] path.recharts-curve'), (p) =>
        (p.getAttribute('d') ?? '').split(/[ML]/).filter((x) => x.trim() !== '').length,
      ),
    getNotices: () => [...useStore.getState().notices],
    seriesLength: (lane) => series.length(lane),
  };
  Object.defineProperty(window, '__zo', { value: Object.freeze(hooks), configurable: true });
}
