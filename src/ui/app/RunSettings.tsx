import { useId } from 'react';
import { BACKENDS, MAX_STEPS, type BackendChoice } from '../../core/run/config';
import { NumberField } from '../lanes/NumberField';
import { useStore } from '../store';
import { setBackend, setSeed, setSteps } from './runActions';

const isBackend = (x: string): x is BackendChoice => (BACKENDS as readonly string[]).includes(x);

/** Seed, step budget and backend: editing any of them resets the run. */
export function RunSettings() {
  const id = useId();
  const seed = useStore((s) => s.config.seed);
  const steps = useStore((s) => s.config.steps);
  const backend = useStore((s) => s.config.backend);
  const locked = useStore((s) => s.playing);

  return (
    <section className="panel">
      <h2>Run</h2>
      <div className="row">
        <NumberField
          label="Seed"
          value={seed}
          min={0}
          max={0xffffffff}
          integer
          disabled={locked}
          onCommit={setSeed}
          title="Seeds the initial weights, the batches and the perturbation directions."
        />
        <NumberField
          label="Steps"
          value={steps}
          min={1}
          max={MAX_STEPS}
          integer
          disabled={locked}
          onCommit={setSteps}
          title="Step budget: every lane runs this many steps."
        />
        <div className="field" title="Where the tensors run; auto tries WebGPU, then WebGL, then WebAssembly (wasm), then cpu.">
          <label htmlFor={id}>Backend</label>
          <select
            id={id}
            value={backend}
            disabled={locked}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isBackend(v)) setBackend(v);
            }}
          >
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
