import { poolSize } from '../app/workerPool';
import { useStore } from '../store';
import { axisLabel, effectiveSweep } from '../../core/run/experiments';
import { cancelSweep, runSweep } from './sweepRunner';
import { SweepForm } from './SweepForm';
import { SweepHeatmap } from './SweepHeatmap';

/** An lr × ε (or lr × q, …) grid of one-lane runs in background workers, as a heatmap of final loss. */
export function SweepPanel() {
  const config = useStore((s) => s.config);
  const stored = useStore((s) => s.sweep);
  const running = useStore((s) => s.sweepRunning);
  const cells = useStore((s) => s.sweepCells);
  const sweep = effectiveSweep(config, stored);
  if (!sweep) return null;
  const finished = cells.filter((c) => c.status === 'done' || c.status === 'diverged' || c.status === 'failed').length;
  const cancelled = cells.some((c) => c.status === 'cancelled');
  const start = () => {
    useStore.getState().setSweep(sweep);
    runSweep();
  };

  return (
    <section className="panel" data-testid="sweep-panel">
      <h2>Sweep</h2>
      <p className="hint">
        Zeroth-order methods are sensitive to the learning rate and ε: run a grid of one-lane copies of this run
        ({poolSize()} at a time in background workers) and compare their final loss. Click a cell to open its run.
      </p>
      <SweepForm sweep={sweep} disabled={running} />
      <div className="controls">
        <button type="button" className="primary" onClick={start} disabled={running}>
          Run sweep
        </button>
        <button type="button" onClick={cancelSweep} disabled={!running}>
          Cancel sweep
        </button>
        {cells.length > 0 && (
          <span className="counter" data-testid="sweep-progress">
            {cancelled ? `cancelled: ${finished} / ${cells.length} cells finished` : `${finished} / ${cells.length} cells`}
          </span>
        )}
      </div>
      <SweepHeatmap rowName={axisLabel(sweep.rows.name)} colName={sweep.cols ? axisLabel(sweep.cols.name) : null} />
    </section>
  );
}
