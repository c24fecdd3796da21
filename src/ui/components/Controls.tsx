import { clearSchedule, reset, stepOnce, togglePlay } from '../actions';
import { useStore } from '../store';

/** Play/Pause, Step, Reset and the step counter. */
export function Controls() {
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  const step = useStore((s) => s.step);
  const budget = useStore((s) => s.config.steps);
  const scheduled = useStore((s) => s.config.schedule.length);
  const started = useStore((s) => s.backend !== null);

  return (
    <div className="controls" role="group" aria-label="Run controls">
      <button type="button" className="primary" onClick={togglePlay} disabled={!started || (done && !playing)}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={stepOnce} disabled={!started || playing || done}>
        Step
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
      <span className="counter" data-testid="step-counter" aria-live="off">
        step {step.toLocaleString('en-US')} / {budget.toLocaleString('en-US')}
      </span>
      <progress max={budget} value={step} aria-label="Progress" />
      {scheduled > 0 && (
        <span className="schedule-note" title="Live hyperparameter changes, recorded so the link replays them.">
          {scheduled} live change{scheduled === 1 ? '' : 's'} recorded
          <button type="button" className="ghost" onClick={clearSchedule} disabled={playing}>
            Clear
          </button>
        </span>
      )}
    </div>
  );
}
