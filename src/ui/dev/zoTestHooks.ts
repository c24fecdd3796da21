import type { RunConfig } from '../../core/run/config';
import { buildCsv, buildJson } from '../share/exportFiles';
import { commandsSent, onDevEvent, pausePending, sendDevCommand, workerTensorCount } from '../app/workerClient';
import { assertNever, type DevEvent, type FaultKind } from '../../worker/protocol';
import { series } from '../charts/series';
import { useStore } from '../store';

/**
 * Read-only helpers for browser tests and `npm run bench` (`window.__zo`). Installed only by test
 * builds (see app/testHooks.ts): the production bundle carries none of this.
 */

type SelfTestAnswer = Extract<DevEvent, { type: 'selfTest' }>;
type BenchAnswer = Extract<DevEvent, { type: 'bench' }>;

export interface ZoTestHooks {
  getCsv(): string;
  getJson(): string;
  getConfig(): RunConfig;
  getState(): { playing: boolean; step: number; done: boolean; backend?: string; numParams: number; numTensors: number };
  /** Live hyperparameter changes sent to the worker and not yet recorded in the schedule. */
  pendingLiveChanges(): number;
  /** A Pause shown on the page that the worker has not confirmed yet (the step may still move). */
  pausePending(): boolean;
  /** Commands posted to the main run's worker so far (a key that should do nothing sends none). */
  commandsSent(): number;
  /** Make the worker suffer a platform fault (device loss, uncaught throw, hang). */
  injectFault(fault: FaultKind): void;
  /** Compare the worker's GPU perturbation kernel with the TypeScript twin. */
  selfTest(): Promise<SelfTestAnswer>;
  /** The benchmark suite on the worker's backend (used by `npm run bench`). */
  bench(smoke: boolean): Promise<BenchAnswer>;
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

const selfTestWaiters: ((ev: SelfTestAnswer) => void)[] = [];
const benchWaiters: ((ev: BenchAnswer) => void)[] = [];

function onAnswer(ev: DevEvent): void {
  switch (ev.type) {
    case 'selfTest':
      selfTestWaiters.splice(0).forEach((w) => w(ev));
      return;
    case 'bench':
      benchWaiters.splice(0).forEach((w) => w(ev));
      return;
    default:
      assertNever(ev);
  }
}

export function installZoTestHooks(): void {
  onDevEvent(onAnswer);
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
    pendingLiveChanges: () => Object.keys(useStore.getState().pendingHyper).length,
    pausePending,
    commandsSent,
    injectFault: (fault) => sendDevCommand({ type: 'fault', fault }),
    selfTest: () =>
      new Promise((resolve) => {
        selfTestWaiters.push(resolve);
        sendDevCommand({ type: 'selfTest' });
      }),
    bench: (smoke) =>
      new Promise((resolve) => {
        benchWaiters.push(resolve);
        sendDevCommand({ type: 'bench', smoke });
      }),
    drawnPoints: () =>
      Array.from(document.querySelectorAll('[data-testid="loss-chart"] path.recharts-curve'), (p) =>
        (p.getAttribute('d') ?? '').split(/[ML]/).filter((x) => x.trim() !== '').length,
      ),
    getNotices: () => [...useStore.getState().notices],
    seriesLength: (lane) => series.length(lane),
  };
  Object.defineProperty(window, '__zo', { value: Object.freeze(hooks), configurable: true });
}
