import type { BoundaryPicture } from '../../core/tasks/picture';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { CLASS_COLOURS, diverging, paintGrid, planeToPixel, useCanvas } from './pictureCanvas';

const SIZE = 220;

function BoundaryCanvas({ picture, lane }: { picture: BoundaryPicture; lane: number }) {
  const ref = useCanvas(SIZE, SIZE, (ctx) => {
    paintGrid(ctx, picture.probability[lane], picture.gridSize, SIZE, SIZE, diverging);
    const { px, py } = planeToPixel(picture.bounds, SIZE, SIZE);
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = '#fff';
    picture.labels.forEach((label, i) => {
      ctx.beginPath();
      ctx.arc(px(picture.points[2 * i]), py(picture.points[2 * i + 1]), 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = CLASS_COLOURS[label];
      ctx.fill();
      ctx.stroke();
    });
  });
  return <canvas ref={ref} style={{ width: SIZE, height: SIZE }} aria-label={`Decision boundary of lane ${lane + 1}`} />;
}

/** Each lane's decision boundary (P(class 1) on a grid) with the held-out points. */
export function BoundaryPicture({ picture }: { picture: BoundaryPicture }) {
  const labels = useLaneLabels();
  return (
    <>
      {picture.probability.map((_, lane) => (
        <div className="picture-card" key={lane}>
          <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} />
          <BoundaryCanvas picture={picture} lane={lane} />
        </div>
      ))}
    </>
  );
}
