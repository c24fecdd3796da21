import { formatNumber } from '../shared/format';
import { lossColour } from './lossColour';

/** Below this spread (max / min − 1) the colours are stretched over nearly equal losses: say so. */
const NARROW_SPREAD = 0.1;

/** Spread of the finished cells' final losses: how far the worst is above the best, as a fraction. */
export const lossSpread = (lo: number, hi: number): number => (lo > 0 ? hi / lo - 1 : Infinity);

/** A wide spread as a ratio (×12.1), a narrow one as a percentage (0.4%). */
function spreadText(x: number): string {
  if (!Number.isFinite(x)) return '∞ (the lowest is 0)';
  if (x >= 1) return `×${formatNumber(Number((1 + x).toPrecision(3)))} (highest / lowest)`;
  return `${x >= 0.1 ? Math.round(x * 100) : Number((x * 100).toPrecision(2))}% (highest / lowest − 1)`;
}

/** The heatmap's colour bar: what the colours mean, their end values, and how wide the spread is. */
export function SweepScale({ lo, hi }: { lo: number; hi: number }) {
  const spread = lossSpread(lo, hi);
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => lossColour(Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))), lo, hi).background);
  return (
    <figure className="heat-scale" data-testid="sweep-scale">
      <figcaption>Colour: final loss (log scale), from the lowest to the highest finished cell</figcaption>
      <div className="heat-bar-row">
        <span data-testid="sweep-scale-min">{formatNumber(lo)}</span>
        <span className="heat-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
        <span data-testid="sweep-scale-max">{formatNumber(hi)}</span>
      </div>
      <p className="hint" data-testid="sweep-spread">
        spread {spreadText(spread)}
        {spread < NARROW_SPREAD && ': every cell ends at nearly the same loss, so the colours exaggerate small differences'}
        {'. Striped: diverged (✕ at its step).'}
      </p>
    </figure>
  );
}
