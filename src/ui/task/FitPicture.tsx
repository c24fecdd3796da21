import type { FitPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';

const W = 520;
const H = 320;
const M = 14;

/** Regression: training points, the true curve and every lane's fit. */
export function FitPicture({ picture }: { picture: FitPicture }) {
  const labels = useLaneLabels();
  let lo = Math.min(...picture.y, ...picture.truth);
  let hi = Math.max(...picture.y, ...picture.truth);
  const pad = 0.15 * (hi - lo || 1);
  lo -= pad;
  hi += pad;
  const x = (v: number) => M + ((v + 1) / 2) * (W - 2 * M);
  const y = (v: number) => M + ((hi - Math.min(hi, Math.max(lo, v))) / (hi - lo)) * (H - 2 * M);
  const curve = (ys: Float32Array) => Array.from(ys, (v, i) => `${x(picture.gridX[i])},${y(v)}`).join(' ');
  return (
    <div className="picture-card">
      <svg width={W} height={H} role="img" aria-label="Data and each lane's fitted curve">
        <rect x={M} y={M} width={W - 2 * M} height={H - 2 * M} fill="none" stroke="var(--grid)" />
        {Array.from(picture.x, (v, i) => (
          <circle key={i} cx={x(v)} cy={y(picture.y[i])} r={2.2} fill="var(--muted)" opacity={0.55} />
        ))}
        <polyline fill="none" stroke="var(--text)" strokeWidth={1.5} strokeDasharray="6 4" points={curve(picture.truth)} />
        {picture.fits.map((f, lane) => (
          <polyline key={lane} fill="none" stroke={laneColour(lane)} strokeWidth={2.2} points={curve(f)} />
        ))}
      </svg>
      <div className="picture-legend">
        <span>- - truth</span>
        {picture.fits.map((_, i) => (
          <LaneTitle key={i} laneIdx={i} label={labels[i] ?? `lane ${i + 1}`} />
        ))}
      </div>
    </div>
  );
}
