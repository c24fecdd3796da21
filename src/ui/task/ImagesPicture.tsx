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

/** Image generation: test digits, then per lane its reconstructions and decoder samples. */
export function ImagesPicture({ picture }: { picture: ImagesPicture }) {
  const labels = useLaneLabels();
  return (
    <>
      <div className="picture-card">
        <span className="meta">test digits</span>
        <Strip pixels={picture.originals} side={picture.side} label="Test digits" />
      </div>
      {picture.reconstructions.map((recon, lane) => (
        <div className="picture-card" key={lane}>
          <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} />
          <span className="meta">reconstructions</span>
          <Strip pixels={recon} side={picture.side} label={`Reconstructions of lane ${lane + 1}`} />
          <span className="meta">samples from random codes</span>
          <Strip pixels={picture.samples[lane]} side={picture.side} label={`Samples of lane ${lane + 1}`} />
        </div>
      ))}
    </>
  );
}
