import type { GanPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { paintImages, useCanvas } from './pictureCanvas';

const SIZE = 30;
const GAP = 3;
const COLUMNS = 4;
const W = 320;
const H = 150;
const M = 24;
/** D's loss when it cannot tell real from fake: −log ½ twice. */
const LN4 = Math.log(4);

/** Images [k × side²] in rows of COLUMNS. */
function Grid({ pixels, side, label }: { pixels: Float32Array; side: number; label: string }) {
  const count = Math.floor(pixels.length / (side * side));
  const rows = Math.ceil(count / COLUMNS);
  const width = Math.min(count, COLUMNS) * (SIZE + GAP);
  const height = rows * (SIZE + GAP);
  const ref = useCanvas(width, height, (ctx) => {
    for (let r = 0; r < rows; r++) {
      ctx.save();
      ctx.translate(0, r * (SIZE + GAP));
      const row = pixels.subarray(r * COLUMNS * side * side, (r + 1) * COLUMNS * side * side);
      paintImages(ctx, row, side, row.length / (side * side), SIZE, GAP);
      ctx.restore();
    }
  });
  return <canvas ref={ref} style={{ width, height }} aria-label={label} />;
}

/** D's evaluation loss over the recorded steps, a line per lane, with ln 4 dashed. */
function DLossChart({ picture }: { picture: GanPicture }) {
  const steps = picture.historySteps;
  const all = picture.dLoss.flatMap((d) => Array.from(d)).filter(Number.isFinite);
  const hi = Math.max(LN4 * 1.1, ...all);
  const last = steps.length > 0 ? steps[steps.length - 1] : 1;
  const x = (s: number) => M + (s / Math.max(1, last)) * (W - 2 * M);
  const y = (v: number) => H - M - (Math.min(hi, Math.max(0, v)) / hi) * (H - 2 * M);
  return (
    <svg width={W} height={H} role="img" aria-label="Discriminator loss of each lane over the steps">
      <rect x={M} y={M} width={W - 2 * M} height={H - 2 * M} fill="none" stroke="var(--grid)" />
      <line x1={M} x2={W - M} y1={y(LN4)} y2={y(LN4)} stroke="var(--muted)" strokeDasharray="5 4" />
      <text x={W - M} y={y(LN4) - 3} textAnchor="end" fontSize={10} fill="var(--muted)">ln 4: D cannot tell</text>
      <text x={M} y={M - 6} fontSize={10} fill="var(--muted)">D loss (0 – {hi.toFixed(2)})</text>
      {picture.dLoss.map((d, lane) => (
        <g key={lane}>
          <polyline fill="none" stroke={laneColour(lane)} strokeWidth={2} points={Array.from(d, (v, i) => `${x(steps[i])},${y(v)}`).join(' ')} />
          {d.length > 0 && <circle cx={x(last)} cy={y(d[d.length - 1])} r={3} fill={laneColour(lane)} />}
        </g>
      ))}
    </svg>
  );
}

/** A GAN: real digits, per lane its samples from the same fixed codes and D's scores, and D's loss over time. */
export function GanPicture({ picture }: { picture: GanPicture }) {
  const labels = useLaneLabels();
  return (
    <>
      <div className="picture-card">
        <span className="meta">real test digits</span>
        <Grid pixels={picture.real} side={picture.side} label="Real test digits" />
        <span className="meta">discriminator loss</span>
        <DLossChart picture={picture} />
      </div>
      {picture.samples.map((samples, lane) => (
        <div className="picture-card" key={lane}>
          <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} />
          <span className="meta">G(z), the same codes in every lane</span>
          <Grid pixels={samples} side={picture.side} label={`Samples of lane ${lane + 1}`} />
          <span className="meta">
            D(real) {picture.realScore[lane].toFixed(2)} · D(fake) {picture.fakeScore[lane].toFixed(2)}
          </span>
        </div>
      ))}
    </>
  );
}
