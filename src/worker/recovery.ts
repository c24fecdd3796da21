import * as tf from '@tensorflow/tfjs';
import { Runner } from '../core/run/runner';
// choose.ts imports the webgpu backend, so its factory is registered before webgpuFactory reads it.
import { chooseBackend } from './backend/choose';
import type { BackendInfo } from './protocol';

/**
 * Recovery from a lost WebGPU device. tfjs ignores device loss, so the host watches `device.lost`;
 * when it fires, the backend is re-registered and started again, and the run is rebuilt from its
 * config and seed and replayed silently (it is deterministic) to the step it had reached.
 */

/** The webgpu backend's factory, captured at import so a lost device can be replaced. */
const webgpuFactory = (() => {
  try {
    return tf.findBackendFactory('webgpu');
  } catch {
    return null;
  }
})();

/** The GPU device of the running webgpu backend, if that is the backend. */
export function webgpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

/**
 * Replace a lost WebGPU device: remove the backend (dropping every tensor it held), re-register
 * its factory and start it again. Falls back down the usual chain when WebGPU cannot come back.
 */
async function recreateBackend(): Promise<BackendInfo> {
  const lost = tf.getBackend();
  try {
    tf.removeBackend(lost);
  } catch {
    // already gone
  }
  if (lost === 'webgpu' && webgpuFactory) {
    tf.registerBackend('webgpu', webgpuFactory, 3);
    const info = await chooseBackend('webgpu');
    if (info.name === 'webgpu') return { ...info, reason: 'WebGPU device re-created after a device loss' };
    return info;
  }
  return chooseBackend('auto');
}

/** Watches the running backend's GPU device and remembers why it was lost. */
export class DeviceWatch {
  private watched: GPUDevice | null = null;
  /** Set when the WebGPU device is lost; the next chunk recovers first. */
  lostReason: string | null = null;

  /** Watch the current device (once per device; no-op off WebGPU). */
  watch(): void {
    const device = webgpuDevice();
    if (!device || device === this.watched) return;
    this.watched = device;
    void device.lost.then((info) => {
      if (this.watched === device) this.lostReason = info.message || info.reason || 'unknown reason';
    });
  }

  /** True when a failure is explained by a lost device (the loss may be reported just after). */
  async explainsFailure(): Promise<boolean> {
    if (this.lostReason) return true;
    const device = this.watched;
    if (!device) return false;
    await Promise.race([device.lost, new Promise((r) => setTimeout(r, 100))]);
    return this.lostReason !== null;
  }

  /** Forget the lost device (a new one is about to be watched); returns why it was lost. */
  forget(): string {
    const reason = this.lostReason ?? 'unknown reason';
    this.lostReason = null;
    this.watched = null;
    return reason;
  }
}

export interface Recovered {
  runner: Runner;
  backend: BackendInfo;
  /** What the user is told (the run goes on). */
  notice: string;
}

/**
 * Rebuild `lost` on a re-created backend and replay it to `step`: the steps of a chunk that died
 * with the device were never reported, so they are redone. `onBackend` hears of the new backend as
 * soon as it runs (before the replay, which may fail too).
 */
export async function recoverRun(
  lost: Runner,
  step: number,
  watch: DeviceWatch,
  onBackend: (backend: BackendInfo) => void,
): Promise<Recovered> {
  const config = structuredClone(lost.config);
  const t0 = performance.now();
  const reason = watch.forget();
  try {
    lost.dispose();
  } catch {
    // its tensors died with the device
  }
  const backend = await recreateBackend();
  onBackend(backend);
  watch.watch();
  const runner = new Runner(config);
  while (runner.step < step) await runner.runChunk(Math.min(50, step - runner.step));
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  return {
    runner,
    backend,
    notice: `The GPU device was lost at step ${step} (${reason}). The ${backend.name} backend was re-created and the run rebuilt from its config and seed to step ${step} in ${seconds} s; it goes on from there.`,
  };
}
