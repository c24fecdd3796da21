import { laneColour, laneLabel } from '../lanes/laneStyle';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import { useRecentTiming } from '../app/stepRate';
import { breakdown } from './stepBreakdown';

/** Colours of the shared parts (lanes use their own). */
const PART_COLOURS: Record<string, string> = {
  evalMs: '#64748b',
  diagnosticsMs: '#a855f7',
  readbackMs: '#f59e0b',
  pictureMs: '#14b8a6',
  memoryMs: '#84cc16',
  messagingMs: '#ec4899',
  idleMs: '#cbd5e1',
  otherMs: '#94a3b8',
};

const fmtMs = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms >= 0.1 ? ms.toFixed(2) : ms.toFixed(3));
const fmtRate = (r: number) => (Number.isFinite(r) ? formatNumber(Number(r.toPrecision(3))) : '—');

/**
 * Where a step's wall time goes (the last couple of seconds of the run): each lane's compute, then
 * evaluation, readback, picture, memory report, messaging and idle, as a stacked bar and a table.
 * Its steps/s is the header's.
 */
export function StepBreakdown() {
  const lanes = useStore((s) => s.config.lanes);
  const playing = useStore((s) => s.playing);
  const recent = useRecentTiming();
  const timing = playing ? recent : null;
  const b = timing ? breakdown(timing, (lane) => laneLabel(lane, lanes[lane]?.optimizer ?? '?')) : null;
  if (!b) return <p className="hint" data-testid="step-breakdown">Where each step&apos;s time goes appears while the run plays.</p>;
  const colour = (key: string, lane?: number) => (lane !== undefined ? laneColour(lane) : PART_COLOURS[key]);
  const shown = b.parts.filter((p) => p.lane !== undefined || p.msPerStep >= 0.005);
  return (
    <div data-testid="step-breakdown" data-steps-per-sec={b.stepsPerSec} data-compute-steps-per-sec={b.computeStepsPerSec}>
      <div role="img" aria-label="Share of a step's wall time by part" style={{ display: 'flex', height: 10, borderRadius: 4, overflow: 'hidden', margin: '6px 0' }}>
        {shown.map((p) => (
          <span key={p.key} title={`${p.label}: ${fmtMs(p.msPerStep)} ms`} style={{ width: `${100 * p.share}%`, background: colour(p.key, p.lane) }} />
        ))}
      </div>
      <table className="summary">
        <thead>
          <tr>
            <th>part of a step</th>
            <th>ms / step</th>
            <th>share</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.key} data-part={p.key}>
              <td>
                <span className="swatch" style={{ background: colour(p.key, p.lane) }} aria-hidden="true" /> {p.lane !== undefined ? `${p.label} compute` : p.label}
              </td>
              <td>{fmtMs(p.msPerStep)}</td>
              <td>{(100 * p.share).toFixed(1)}%</td>
            </tr>
          ))}
          <tr>
            <td>wall time of a step (every lane once)</td>
            <td>{fmtMs(b.msPerStep)}</td>
            <td>100%</td>
          </tr>
        </tbody>
      </table>
      <p className="meta">
        Run: <span data-testid="breakdown-rate">{fmtRate(b.stepsPerSec)} steps/s</span> (the header&apos;s figure) · the lanes&apos; own time (compute and evaluation) alone would allow{' '}
        {fmtRate(b.computeStepsPerSec)} steps/s ({Number.isFinite(b.computeStepsPerSec) ? `${Math.round((100 * b.stepsPerSec) / b.computeStepsPerSec)}%` : '—'} of it reached).
      </p>
    </div>
  );
}
