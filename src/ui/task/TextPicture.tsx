import type { TextPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';

/** Shade for a per-character loss (nats): 0 clear, ≥ 4 (worse than guessing among ~50) full. */
const shade = (loss: number) => `rgba(220, 38, 38, ${Math.min(1, Math.max(0, loss / 4)) * 0.55})`;

/** Text generation: a live sample per lane, and the loss of each character of a fixed text. */
export function TextPicture({ picture }: { picture: TextPicture }) {
  const labels = useLaneLabels();
  return (
    <>
      {picture.samples.map((sample, lane) => {
        const losses = picture.charLoss[lane];
        const mean = losses.reduce((a, b) => a + b, 0) / Math.max(1, losses.length);
        return (
          <div className="picture-card" key={lane} style={{ flex: '1 1 420px' }}>
            <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} extra={`${mean.toFixed(2)} nats/char on the text below`} />
            <p className="text-sample" style={{ borderColor: laneColour(lane) }}>
              <strong>{picture.prompt}</strong>
              {sample.slice(picture.prompt.length)}
            </p>
            <p className="char-loss" aria-label="Per-character loss">
              {Array.from(picture.reference, (c, i) => (
                <span key={i} style={{ background: shade(losses[i]) }} title={`${losses[i].toFixed(2)} nats`}>
                  {c}
                </span>
              ))}
            </p>
          </div>
        );
      })}
    </>
  );
}
