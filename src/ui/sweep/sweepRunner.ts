import { cellOutcome, sweepCells } from '../../core/run/experiments';
import { loadConfig } from '../app/runActions';
import { pushRunEntry } from '../share/urlSync';
import { runJob, type JobHandle } from '../app/workerPool';
import { useStore } from '../store';

/** Runs the sweep's cells in the worker pool and records each cell's outcome in the store. */

let handles: JobHandle[] = [];
let generation = 0;

export function runSweep(): void {
  const s = useStore.getState();
  if (!s.sweep) return;
  cancelSweep();
  const gen = ++generation;
  const cells = sweepCells(s.config, s.sweep);
  s.setSweepCells(cells);
  s.setSweepRunning(true);
  let remaining = cells.length;
  handles = cells.map((cell, index) => {
    // A cell is running from the moment a worker takes it up (building the model is part of its run).
    const handle = runJob(cell.config, undefined, () => {
      if (gen === generation && useStore.getState().sweepCells[index]?.status === 'queued')
        useStore.getState().updateSweepCell(index, { status: 'running' });
    });
    void handle.result.then((r) => {
      if (gen !== generation) return;
      const st = useStore.getState();
      if (r.error !== undefined) st.updateSweepCell(index, { status: 'failed', message: r.error });
      else st.updateSweepCell(index, cellOutcome(r.statuses[0], r.series.latest(0)));
      if (--remaining === 0) {
        st.setSweepRunning(false);
        handles = [];
      }
    });
    return handle;
  });
}

export function cancelSweep(): void {
  generation++;
  handles.forEach((h) => h.cancel());
  handles = [];
  const s = useStore.getState();
  if (s.sweepRunning) {
    s.setSweepCells(s.sweepCells.map((c) => (c.status === 'queued' || c.status === 'running' ? { ...c, status: 'cancelled' as const } : c)));
    s.setSweepRunning(false);
  }
}

/**
 * Open a cell's run as the current run (it plays at once) in a new history entry, so Back returns to
 * the run the sweep came from, and bring the loss chart into view.
 */
export function openCell(index: number): void {
  const cell = useStore.getState().sweepCells[index];
  if (!cell) return;
  pushRunEntry(cell.config, '[data-testid=sweep-heatmap]');
  loadConfig(cell.config, { autoplay: true });
  document.querySelector('[data-testid=loss-chart]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}
