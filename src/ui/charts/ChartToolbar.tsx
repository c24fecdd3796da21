import { useId } from 'react';
import type { XKey } from './series';
import { useStore } from '../store';
import { MAX_SEEDS } from '../store/uiSlice';
import { X_AXES } from './chartConfig';
import type { BandMode } from './seedBand';

/** X axis, y scale, EMA smoothing, and seeds per lane with their band. */
export function ChartToolbar() {
  const id = useId();
  const xKey = useStore((s) => s.xKey);
  const logY = useStore((s) => s.logY);
  const smoothing = useStore((s) => s.smoothing);
  const seeds = useStore((s) => s.seeds);
  const bandMode = useStore((s) => s.bandMode);
  const replicasDone = useStore((s) => s.replicasDone);
  const replicasTotal = useStore((s) => s.replicasTotal);
  const setXKey = useStore((s) => s.setXKey);
  const setLogY = useStore((s) => s.setLogY);
  const setSmoothing = useStore((s) => s.setSmoothing);
  const setSeeds = useStore((s) => s.setSeeds);
  const setBandMode = useStore((s) => s.setBandMode);

  return (
    <div className="chart-toolbar">
      <div className="field inline">
        <label htmlFor={`${id}-x`}>X axis</label>
        <select id={`${id}-x`} value={xKey} onChange={(e) => setXKey(e.currentTarget.value as XKey)}>
          {X_AXES.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={`${id}-y`}>Y scale</label>
        <select id={`${id}-y`} value={logY ? 'log' : 'linear'} onChange={(e) => setLogY(e.currentTarget.value === 'log')}>
          <option value="log">log</option>
          <option value="linear">linear</option>
        </select>
      </div>
      <div className="field inline" title="Exponential moving average of the train loss; the raw curve stays faint behind.">
        <label htmlFor={`${id}-ema`}>Smoothing</label>
        <input
          id={`${id}-ema`}
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.currentTarget.value))}
        />
        <output htmlFor={`${id}-ema`} className="param-value">
          {smoothing.toFixed(2)}
        </output>
      </div>
      <div className="field inline" title="Run each lane with more seeds (seed + 1, seed + 2, …) in background workers and draw their spread.">
        <label htmlFor={`${id}-seeds`}>Seeds</label>
        <select id={`${id}-seeds`} value={seeds} onChange={(e) => setSeeds(Number(e.currentTarget.value))}>
          {Array.from({ length: MAX_SEEDS }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {seeds > 1 && (
          <>
            <label htmlFor={`${id}-band`} className="visually-hidden">
              Band
            </label>
            <select id={`${id}-band`} value={bandMode} onChange={(e) => setBandMode(e.currentTarget.value as BandMode)}>
              <option value="minmax">min–max</option>
              <option value="std">mean ± σ</option>
            </select>
            <span className="hint" data-testid="replicas-status">
              {replicasTotal === 0 ? 'starts with the run' : `${replicasDone}/${replicasTotal} extra seeds done`}
            </span>
          </>
        )}
      </div>
    </div>
  );
}
