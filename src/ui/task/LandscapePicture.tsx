import type { MouseEvent } from 'react';
import { taskSpec } from '../../core/tasks/specs';
import { fitToSpec } from '../../core/params';
import type { LandscapePicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { useStore } from '../store';
import { formatNumber } from '../shared/format';
import { contourSegments, niceTicks } from './contours';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { paintGrid, planeToPixel, terrain, useCanvas } from './pictureCanvas';
import { setTaskSetting } from './taskActions';

/** The map's side, and the margins that hold its axes (ticks and labels left and below). */
const SIZE = 440;
const PAD_LEFT = 40;
const PAD_TOP = 6;
const PAD_RIGHT = 10;
const PAD_BOTTOM = 34;
const WIDTH = PAD_LEFT + SIZE + PAD_RIGHT;
const HEIGHT = PAD_TOP + SIZE + PAD_BOTTOM;
const CONTOURS = 10;
const AXIS_INK = '#6b7280';

/** Contour lines as vectors over the (smoothly scaled) heat map. */
function drawContours(ctx: CanvasRenderingContext2D, picture: LandscapePicture): void {
  const n = picture.gridSize;
  const seg = contourSegments(picture.heat, n, CONTOURS);
  const gx = (c: number) => ((c + 0.5) / n) * SIZE;
  const gy = (r: number) => SIZE - ((r + 0.5) / n) * SIZE;
  ctx.beginPath();
  for (let i = 0; i < seg.length; i += 4) {
    ctx.moveTo(gx(seg[i]), gy(seg[i + 1]));
    ctx.lineTo(gx(seg[i + 2]), gy(seg[i + 3]));
  }
  ctx.strokeStyle = 'rgba(15, 23, 42, 0.35)';
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** x and y axes below and left of the map: ticks at round values of the plane, and their names. */
function drawAxes(ctx: CanvasRenderingContext2D, picture: LandscapePicture): void {
  const [x0, x1, y0, y1] = picture.bounds;
  const { px, py } = planeToPixel(picture.bounds, SIZE, SIZE);
  ctx.strokeStyle = AXIS_INK;
  ctx.fillStyle = AXIS_INK;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.strokeRect(PAD_LEFT - 0.5, PAD_TOP - 0.5, SIZE + 1, SIZE + 1);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(x0, x1)) {
    const u = PAD_LEFT + px(t);
    ctx.beginPath();
    ctx.moveTo(u, PAD_TOP + SIZE);
    ctx.lineTo(u, PAD_TOP + SIZE + 4);
    ctx.stroke();
    ctx.fillText(formatNumber(t), u, PAD_TOP + SIZE + 6);
  }
  ctx.fillText('x', PAD_LEFT + SIZE / 2, PAD_TOP + SIZE + 20);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y0, y1)) {
    const v = PAD_TOP + py(t);
    ctx.beginPath();
    ctx.moveTo(PAD_LEFT - 4, v);
    ctx.lineTo(PAD_LEFT, v);
    ctx.stroke();
    ctx.fillText(formatNumber(t), PAD_LEFT - 6, v);
  }
  ctx.textAlign = 'left';
  ctx.fillText('y', 2, PAD_TOP + 8);
}

function drawLandscape(ctx: CanvasRenderingContext2D, picture: LandscapePicture): void {
  drawAxes(ctx, picture);
  ctx.save();
  ctx.translate(PAD_LEFT, PAD_TOP);
  ctx.beginPath();
  ctx.rect(0, 0, SIZE, SIZE);
  ctx.clip();
  drawMap(ctx, picture);
  ctx.restore();
}

function drawMap(ctx: CanvasRenderingContext2D, picture: LandscapePicture): void {
  paintGrid(ctx, picture.heat, picture.gridSize, SIZE, SIZE, terrain);
  drawContours(ctx, picture);
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
  const ref = useCanvas(WIDTH, HEIGHT, (ctx) => drawLandscape(ctx, picture));

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const spec = taskSpec(taskId);
    const rect = e.currentTarget.getBoundingClientRect();
    // The canvas may be drawn narrower than WIDTH (max-width: 100%): back to its own pixels first.
    const scale = rect.width / WIDTH;
    const u = (e.clientX - rect.left) / scale - PAD_LEFT;
    const v = (e.clientY - rect.top) / scale - PAD_TOP;
    if (u < 0 || v < 0 || u > SIZE || v > SIZE) return;
    const [x, y] = planeToPixel(picture.bounds, SIZE, SIZE).fromPixel(u, v);
    for (const [name, value] of [['x0', x], ['y0', y]] as const) {
      const p = spec?.settings.find((s) => s.name === name);
      if (p) setTaskSetting(name, fitToSpec(p, Number(value.toFixed(2))).value);
    }
  };

  return (
    <div className="picture-card">
      <canvas
        ref={ref}
        style={{ width: WIDTH, height: HEIGHT }}
        className={playing ? undefined : 'picture-clickable'}
        onClick={playing ? undefined : onClick}
        aria-label="Loss landscape over the x–y plane, with contour lines and each lane's path"
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
