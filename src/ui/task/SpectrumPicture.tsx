import type { SpectrumPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { formatNumber } from '../shared/format';
import { LaneTitle, useLaneLabels } from './LaneTitle';

const W = 520;
const H = 300;
const M = { left: 56, right: 12, top: 10, bottom: 36 };
const FLOOR = 1e-8;

/** Loss left per band of eigen-directions (relative to the start), one line per lane, log–log. */
export function SpectrumPicture({ picture }: { picture: SpectrumPicture }) {
  const labels = useLaneLabels();
  const lx = Array.from(picture.lambda, Math.log10);
  const xLo = Math.min(...lx);
  const xHi = Math.max(...lx, xLo + 1e-9);
  const all = picture.remaining.flatMap((r) => Array.from(r, (v) => Math.log10(Math.max(FLOOR, v))));
  const yLo = Math.min(-1, ...all);
  const yHi = Math.max(0.5, ...all);
  const x = (v: number) => M.left + ((v - xLo) / (xHi - xLo || 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + ((yHi - v) / (yHi - yLo)) * (H - M.top - M.bottom);
  const yTicks = Array.from({ length: Math.floor(yHi) - Math.ceil(yLo) + 1 }, (_, i) => Math.ceil(yLo) + i).filter((_, i, a) => a.length < 8 || i % 2 === 0);
  return (
    <div className="picture-card">
      <svg width={W} height={H} role="img" aria-label="Loss left per eigen-direction band">
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--grid)" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="var(--muted)">
              {formatNumber(10 ** t)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="var(--muted)" strokeDasharray="4 3" />
        {picture.remaining.map((r, lane) => (
          <polyline
            key={lane}
            fill="none"
            stroke={laneColour(lane)}
            strokeWidth={2}
            points={Array.from(r, (v, b) => `${x(lx[b])},${y(Math.log10(Math.max(FLOOR, v)))}`).join(' ')}
          />
        ))}
        <text x={M.left} y={H - 8} fontSize="11" fill="var(--muted)">
          λ = {formatNumber(picture.lambda[0])}
        </text>
        <text x={W - M.right} y={H - 8} fontSize="11" fill="var(--muted)" textAnchor="end">
          λ = {formatNumber(picture.lambda[picture.lambda.length - 1])}
        </text>
        <text x={(W + M.left) / 2} y={H - 8} fontSize="11" fill="var(--muted)" textAnchor="middle">
          eigenvalue (curvature), log scale
        </text>
      </svg>
      <div className="picture-legend">
        {picture.remaining.map((_, i) => (
          <LaneTitle key={i} laneIdx={i} label={labels[i] ?? `lane ${i + 1}`} />
        ))}
      </div>
    </div>
  );
}
