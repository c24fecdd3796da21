import type { DigitsPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { paintImages, ramp, useCanvas } from './pictureCanvas';

const DIGIT = 40;
const GAP = 4;
const CELL = 16;
const share = ramp([
  [248, 250, 252],
  [37, 99, 235],
]);

function DigitStrip({ picture }: { picture: DigitsPicture }) {
  const count = picture.labels.length;
  const ref = useCanvas(count * (DIGIT + GAP), DIGIT, (ctx) => paintImages(ctx, picture.images, picture.side, count, DIGIT, GAP, true));
  return <canvas ref={ref} style={{ width: count * (DIGIT + GAP), height: DIGIT }} aria-label="Test digits" />;
}

/** Row-normalised confusion matrix: row = true digit, column = guess. */
function Confusion({ counts }: { counts: Uint32Array }) {
  const ref = useCanvas(10 * CELL + 14, 10 * CELL + 14, (ctx) => {
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = '#6b7280';
    for (let d = 0; d < 10; d++) {
      ctx.fillText(String(d), 14 + d * CELL + 5, 10);
      ctx.fillText(String(d), 3, 14 + d * CELL + 12);
    }
    for (let r = 0; r < 10; r++) {
      let total = 0;
      for (let c = 0; c < 10; c++) total += counts[r * 10 + c];
      for (let c = 0; c < 10; c++) {
        const [red, green, blue] = share(total ? counts[r * 10 + c] / total : 0);
        ctx.fillStyle = `rgb(${red},${green},${blue})`;
        ctx.fillRect(14 + c * CELL, 14 + r * CELL, CELL - 1, CELL - 1);
      }
    }
  });
  return (
    <figure className="confusion" data-testid="confusion">
      <figcaption className="confusion-x">guessed digit →</figcaption>
      <span className="confusion-y">true digit →</span>
      <canvas ref={ref} style={{ width: 10 * CELL + 14, height: 10 * CELL + 14 }} aria-label="Confusion matrix: rows the true digit, columns the guess, shaded by the share of each row" />
    </figure>
  );
}

/** Digit recognition: shown test digits with each lane's guesses, and confusion matrices. */
export function DigitsPicture({ picture }: { picture: DigitsPicture }) {
  const labels = useLaneLabels();
  const count = picture.labels.length;
  return (
    <>
      <div className="picture-card">
        <DigitStrip picture={picture} />
        {picture.predictions.map((guesses, lane) => (
          <div className="digit-guesses" key={lane} style={{ color: laneColour(lane) }}>
            {Array.from(guesses, (g, i) => (
              <span key={i} style={{ width: DIGIT, textAlign: 'center' }} className={g === picture.labels[i] ? undefined : 'wrong'}>
                {g === picture.labels[i] ? g : `${g}✗`}
              </span>
            ))}
          </div>
        ))}
        <span className="meta">True labels: {Array.from(picture.labels.subarray(0, count)).join(' ')}</span>
      </div>
      {picture.confusion.map((counts, lane) => {
        let right = 0;
        let total = 0;
        counts.forEach((n, i) => {
          total += n;
          if (Math.floor(i / 10) === i % 10) right += n;
        });
        return (
          <div className="picture-card" key={lane}>
            <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} extra={`${((100 * right) / Math.max(1, total)).toFixed(1)}%`} />
            <Confusion counts={counts} />
          </div>
        );
      })}
    </>
  );
}
