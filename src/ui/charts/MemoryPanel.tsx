import { residentBytes } from '../../core/run/metrics';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { formatBytes } from '../shared/format';
import { useStore } from '../store';

const FLOAT32_BYTES = 4;

/**
 * Memory per lane as MeZO's table counts it (core/run/memory.ts): resident = weights + the optimizer's
 * persistent state + the step's peak on top of them (batch, activations, gradients, probes). The
 * worker reports the three parts (`memory` events); until it does, the weights are computed from the
 * parameter count and the rest shows as unknown.
 */
export function MemoryPanel() {
  const lanes = useStore((s) => s.config.lanes);
  const numParams = useStore((s) => s.numParams);
  const memory = useStore((s) => s.laneMemory);
  const shared = useStore((s) => s.sharedMemory);
  const rows = lanes.map((lane, i) => {
    const m = memory?.find((x) => x.lane === i);
    const weights = m?.weightBytes ?? numParams * FLOAT32_BYTES;
    const state = m?.stateBytes ?? NaN;
    const peak = m?.peakStepBytes ?? NaN;
    return { i, lane, weights, state, peak, total: residentBytes({ weightBytes: weights, stateBytes: state, peakStepBytes: peak }) };
  });
  const max = Math.max(1, ...rows.map((r) => r.weights + (r.state || 0) + (r.peak || 0)));
  const pct = (x: number) => `${(Number.isFinite(x) ? (100 * x) / max : 0).toFixed(2)}%`;

  return (
    <section className="panel" data-testid="memory-panel">
      <h2>Memory per lane</h2>
      <table className="summary memory">
        <thead>
          <tr>
            <th scope="col">Lane</th>
            <th scope="col">weights</th>
            <th scope="col">optimizer state</th>
            <th scope="col">step peak</th>
            <th scope="col" className="bar-col">resident</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.i}>
              <th scope="row">
                <span className="swatch" style={{ background: laneColour(r.i) }} aria-hidden="true" />
                {laneLabel(r.i, r.lane.optimizer)}
              </th>
              <td>{numParams > 0 || memory ? formatBytes(r.weights) : '—'}</td>
              <td>{formatBytes(r.state)}</td>
              <td>{formatBytes(r.peak)}</td>
              <td className="bar-col">
                <strong data-testid={`memory-resident-${r.i}`}>{formatBytes(r.total)}</strong>
                <span className="mem-bar" aria-hidden="true">
                  <span className="mem-weights" style={{ width: pct(r.weights), background: laneColour(r.i) }} />
                  <span className="mem-state" style={{ width: pct(r.state), background: laneColour(r.i) }} />
                  <span className="mem-peak" style={{ width: pct(r.peak) }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {memory
          ? 'Resident = weights + optimizer state + the step’s peak (its batch, activations, gradients, probes), as MeZO’s memory table counts a method. Bar: weights (solid), state (lighter), peak (hatched). MeZO-style lanes keep no state: z is regenerated from a seed.'
          : 'Weights: parameters × 4 bytes. Optimizer state and the step’s peak appear when the worker reports them.'}
      </p>
      {shared?.directionCacheBytes !== undefined && (
        <p className="hint" data-testid="memory-direction-cache">
          Direction cache: {formatBytes(shared.directionCacheBytes)} for all lanes together. On this backend z is generated
          once per step and kept for its uses (+ε, −2ε, update) instead of being regenerated each time: faster, at 4
          bytes a parameter.
        </p>
      )}
      {shared?.heapBytes !== undefined && (
        <p className="hint" data-testid="memory-heap">
          WebAssembly memory: {formatBytes(shared.heapBytes)} for all lanes together. The rows count each lane’s tensor
          bytes; the heap grows to the largest step and never shrinks, so it can exceed their sum.
        </p>
      )}
    </section>
  );
}
