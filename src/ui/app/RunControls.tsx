import { useId } from 'react';
import { playBlockedReason, refusedLanes } from '../lanes/refusedLanes';
import { useStore } from '../store';
import { RunProgress } from './RunProgress';
import { clearSchedule, reset, stepOnce, togglePlay } from './runActions';

/** Play/Pause, Step, Reset (with their keys), progress, and the recorded live changes. */
export function RunControls() {
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  const scheduled = useStore((s) => s.config.schedule.length);
  const started = useStore((s) => s.backend !== null);
  const numLanes = useStore((s) => s.config.lanes.length);
  const refused = useStore((s) => refusedLanes(s.config.lanes, s.laneStatuses, s.numParams).length);
  const reasonId = useId();
  const blocked = playBlockedReason({ started, done, playing, numLanes, refused });

  return (
    <div className="controls" role="group" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        onClick={togglePlay}
        disabled={blocked !== null}
        title={blocked ?? undefined}
        aria-describedby={blocked && started ? reasonId : undefined}
        aria-keyshortcuts="Space"
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={stepOnce} disabled={!started || playing || done} aria-keyshortcuts="S">
        Step
      </button>
      <button type="button" onClick={reset} aria-keyshortcuts="R">
        Reset
      </button>
      <span className="keys" data-testid="key-hints">
        <kbd>Space</kbd> play/pause · <kbd>S</kbd> step · <kbd>R</kbd> reset
      </span>
      {blocked && started && (
        <span id={reasonId} className="hint" data-testid="play-reason">
          {blocked}
        </span>
      )}
      <RunProgress />
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
