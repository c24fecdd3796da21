import * as tf from '@tensorflow/tfjs';

/**
 * Kernels that @tensorflow/tfjs-backend-wasm 4.22 does not register but our tasks need, borrowed
 * from tfjs's cpu backend: the inputs are copied out of the WebAssembly heap into a private cpu
 * backend, the cpu kernel runs there, and its output is copied back. The numbers are therefore
 * exactly the cpu backend's, and the cpu backend itself is untouched (its results stay bit-identical:
 * the golden CSVs replay on cpu).
 *
 * - `UnsortedSegmentSum`: the gradient of `tf.gather` (an embedding lookup), and the quadratic
 *   task's per-band energy in its picture.
 * - `Conv2DBackpropFilter`: the gradient of `tf.conv2d` with respect to its filter (digits-cnn's
 *   backprop lanes); `Conv2DBackpropInput` exists on wasm.
 *
 * Both run in JavaScript at the cpu backend's speed; they are off the zeroth-order lanes' hot path
 * (forward passes only) and cost what the cpu backend would.
 */
export const BORROWED_FROM_CPU = ['UnsortedSegmentSum', 'Conv2DBackpropFilter'] as const;

/** What the borrowed kernels use of the wasm backend (tfjs-backend-wasm's BackendWasm). */
interface WasmBackendLike {
  readSync(dataId: tf.DataId): tf.TypedArray;
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: tf.TypedArray): tf.TensorInfo;
}

/** What they use of the private cpu backend (tfjs-backend-cpu's MathBackendCPU). */
interface CpuBackendLike {
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
  readSync(dataId: tf.DataId): tf.TypedArray;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

let cpu: CpuBackendLike | null = null;

/** A cpu backend of our own, outside the engine's registry (so it never becomes the active one). */
function privateCpu(): CpuBackendLike {
  if (!cpu) {
    const made = tf.findBackendFactory('cpu')?.();
    if (!made || made instanceof Promise) throw new Error('tfjs has no synchronous cpu backend to borrow kernels from');
    // It would print tfjs's advert for tfjs-node on its first use in Node (into the CLI's stdout).
    (made as unknown as { firstUse?: boolean }).firstUse = false;
    cpu = made as unknown as CpuBackendLike;
  }
  return cpu;
}

function borrowed(cpuKernel: tf.KernelFunc): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as unknown as WasmBackendLike;
    const host = privateCpu();
    const copies: tf.TensorInfo[] = [];
    const cpuInputs: Record<string, tf.TensorInfo> = {};
    for (const [name, t] of Object.entries(inputs)) {
      if (!t) continue;
      const copy = host.makeTensorInfo(t.shape, t.dtype, wasm.readSync(t.dataId));
      copies.push(copy);
      cpuInputs[name] = copy;
    }
    try {
      const out = cpuKernel({ inputs: cpuInputs, backend: host as unknown as tf.KernelBackend, attrs });
      const outs = Array.isArray(out) ? out : [out];
      const back = outs.map((o) => {
        const values = host.readSync(o.dataId);
        host.disposeData(o.dataId, true);
        return wasm.makeOutput(o.shape, o.dtype, undefined, values);
      });
      return Array.isArray(out) ? back : back[0];
    } finally {
      for (const c of copies) host.disposeData(c.dataId, true);
    }
  };
}

/**
 * Register the borrowed kernels for `backendName` (default 'wasm') where it lacks them. Call after
 * the wasm backend's module is imported (it registers its own kernels on import); idempotent.
 * Returns the kernels registered by this call.
 */
export function completeWasmKernels(backendName = 'wasm'): string[] {
  const added: string[] = [];
  for (const kernelName of BORROWED_FROM_CPU) {
    if (tf.getKernel(kernelName, backendName)) continue;
    const cpuKernel = tf.getKernel(kernelName, 'cpu');
    if (!cpuKernel) throw new Error(`tfjs's cpu backend has no ${kernelName} kernel to borrow`);
    tf.registerKernel({ kernelName, backendName, kernelFunc: borrowed(cpuKernel.kernelFunc) });
    added.push(kernelName);
  }
  return added;
}
