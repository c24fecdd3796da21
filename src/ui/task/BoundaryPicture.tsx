import type { BoundaryView } from '../../core/views';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { CLASS_COLOURS, diverging, paintGrid, planeToPixel, useCanvas } from './pictureCanvas';

const SIZE = 220;

function BoundaryCanvas({ view, lane }: { view: BoundaryView; lane: number }) {
  const ref = useCanvas(SIZE, SIZE, (ctx) => {
    paintGrid(ctx, view.probability[lane], view.gridSize, SIZE, SIZE, diverging);
    const { px, py } = planeToPixel(view.bounds, SIZE, SIZE);
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = '#fff';
    view.labels.forEach((label, i) => {
      ctx.beginPath();
      ctx.arc(px(view.points[2 * i]), py(view.points[2 * i + 1]), 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = CLASS_COLOURS[label];
      ctx.fill();
      ctx.stroke();
    });
  });
  return <canvas ref={ref} style={{ width: SIZE, height: SIZE }} aria-label={`Decision boundary of lane ${lane + 1}`} />;
}

/** Each lane's decision boundary (P(class 1) on a grid) with the held-out points. */
export function BoundaryPicture({ view }: { view: BoundaryView }) {
  const labels = useLaneLabels();
  return (
    <>
      {view.probability.map((_, lane) => (
        <div className="picture-card" key={lane}>
          <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} />
          <BoundaryCanvas view={view} lane={lane} />
        </div>
      ))}
    </>
  );
}
