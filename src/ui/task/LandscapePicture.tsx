import type { MouseEvent } from 'react';
import { taskSpec } from '../../core/tasks/specs';
import { fitToSpec } from '../../core/params';
import type { LandscapePicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { useStore } from '../store';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { paintGrid, planeToPixel, terrain, useCanvas } from './pictureCanvas';
import { setTaskSetting } from './taskActions';

const SIZE = 440;

function drawLandscape(ctx: CanvasRenderingContext2D, picture: LandscapePicture): void {
  paintGrid(ctx, picture.heat, picture.gridSize, SIZE, SIZE, terrain, 10);
  const { px, py } = planeToPixel(picture.bounds, SIZE, SIZE);
  ctx.lineJoin = 'round';
  picture.paths.forEach((path, lane) => {
    if (path.length < 2) return;
    ctx.beginPath();
    for (let i = 0; i < path.length; i += 2) (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, px(path[i]), py(path[i + 1]));
    ctx.strokeStyle = 'rgba(255,255,255,0.7)';
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = laneColour(lane);
    ctx.lineWidth = 2;
    ctx.stroke();
    const n = path.length;
    ctx.beginPath();
    ctx.arc(px(path[n - 2]), py(path[n - 1]), 5, 0, 2 * Math.PI);
    ctx.fillStyle = laneColour(lane);
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });
  picture.probes.forEach((probes, lane) => {
    ctx.fillStyle = laneColour(lane);
    for (let i = 0; i < probes.length; i += 2) ctx.fillRect(px(probes[i]) - 1.5, py(probes[i + 1]) - 1.5, 3, 3);
  });
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2;
  for (let i = 0; i < picture.minima.length; i += 2) {
    const [x, y] = [px(picture.minima[i]), py(picture.minima[i + 1])];
    ctx.beginPath();
    ctx.moveTo(x - 6, y - 6);
    ctx.lineTo(x + 6, y + 6);
    ctx.moveTo(x + 6, y - 6);
    ctx.lineTo(x - 6, y + 6);
    ctx.stroke();
  }
  ctx.beginPath();
  ctx.arc(px(picture.start[0]), py(picture.start[1]), 7, 0, 2 * Math.PI);
  ctx.stroke();
}

/** A 2-D landscape with every lane's path; click (while paused) to move the start point there. */
export function LandscapePicture({ picture }: { picture: LandscapePicture }) {
  const labels = useLaneLabels();
  const playing = useStore((s) => s.playing);
  const taskId = useStore((s) => s.config.task.id);
  const ref = useCanvas(SIZE, SIZE, (ctx) => drawLandscape(ctx, picture));

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const spec = taskSpec(taskId);
    const rect = e.currentTarget.getBoundingClientRect();
    const { fromPixel } = planeToPixel(picture.bounds, rect.width, rect.height);
    const [x, y] = fromPixel(e.clientX - rect.left, e.clientY - rect.top);
    for (const [name, value] of [['x0', x], ['y0', y]] as const) {
      const p = spec?.settings.find((s) => s.name === name);
      if (p) setTaskSetting(name, fitToSpec(p, Number(value.toFixed(2))).value);
    }
  };

  return (
    <div className="picture-card">
      <canvas
        ref={ref}
        style={{ width: SIZE, height: SIZE }}
        className={playing ? undefined : 'picture-clickable'}
        onClick={playing ? undefined : onClick}
        aria-label="Loss landscape with each lane's path"
        title={playing ? undefined : 'Click to start here'}
      />
      <div className="picture-legend">
        {picture.paths.map((_, i) => (
          <LaneTitle key={i} laneIdx={i} label={labels[i] ?? `lane ${i + 1}`} />
        ))}
      </div>
      <span className="meta">{playing ? 'Pause to pick a new start point.' : 'Click the map to start there.'}</span>
    </div>
  );
}
