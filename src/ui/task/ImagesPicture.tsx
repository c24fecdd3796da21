import { Fragment } from 'react';
import type { ImagesPicture } from '../../core/tasks/picture';
import { LaneTitle, useLaneLabels } from './LaneTitle';
import { paintImages, useCanvas } from './pictureCanvas';

const SIZE = 36;
const GAP = 4;

function Strip({ pixels, side, label }: { pixels: Float32Array; side: number; label: string }) {
  const count = Math.floor(pixels.length / (side * side));
  const width = count * (SIZE + GAP);
  const ref = useCanvas(width, SIZE, (ctx) => paintImages(ctx, pixels, side, count, SIZE, GAP));
  return <canvas ref={ref} style={{ width, height: SIZE }} aria-label={label} />;
}

/**
 * Image generation: the test digits, then per lane its reconstructions (under the digits they
 * reconstruct) and its decoder samples, in one grid so every lane has the same layout.
 */
export function ImagesPicture({ picture }: { picture: ImagesPicture }) {
  const labels = useLaneLabels();
  return (
    <div className="picture-card images-grid" data-testid="images-grid">
      <span className="meta">test digits</span>
      <Strip pixels={picture.originals} side={picture.side} label="Test digits" />
      {picture.reconstructions.map((recon, lane) => (
        <Fragment key={lane}>
          <span className="images-lane">
            <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} />
          </span>
          <span className="meta">reconstructions</span>
          <Strip pixels={recon} side={picture.side} label={`Reconstructions of lane ${lane + 1}`} />
          <span className="meta">samples from random codes</span>
          <Strip pixels={picture.samples[lane]} side={picture.side} label={`Samples of lane ${lane + 1}`} />
        </Fragment>
      ))}
    </div>
  );
}
