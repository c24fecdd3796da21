import { taskSpec } from '../../core/tasks/specs';
import type { TaskPicture } from '../../core/tasks/picture';
import { useStore } from '../store';
import { BoundaryPicture } from './BoundaryPicture';
import { DigitsPicture } from './DigitsPicture';
import { FitPicture } from './FitPicture';
import { GanPicture } from './GanPicture';
import { ImagesPicture } from './ImagesPicture';
import { LandscapePicture } from './LandscapePicture';
import { NamesPicture } from './NamesPicture';
import { SentencesPicture } from './SentencesPicture';
import { SpectrumPicture } from './SpectrumPicture';
import { TextPicture } from './TextPicture';
import { usePicture } from './pictureStore';
import './pictures.css';

/** What each picture shows, in a line. */
const CAPTIONS: Record<TaskPicture['kind'], string> = {
  landscape: 'log(1 + f) with contours; ✕ minima, ○ start; a line per lane, dots where it probed the loss in its latest step.',
  spectrum: 'Loss left in each band of eigen-directions, relative to the start (log scales): small λ are the slow directions.',
  fit: 'Training points, the true curve (dashed) and each lane’s fit.',
  boundary: 'P(blue class) over the plane per lane, with held-out points.',
  digits: 'Test digits with each lane’s guess (red when wrong), and each lane’s confusion matrix on all 1,000 test digits.',
  sentences: 'Held-out examples, their label, and each lane’s probability of the second class (red when wrong).',
  text: 'A sample per lane (same prompt and random draws), and each character of a held-out text shaded by the lane’s loss on it.',
  names: 'New names per lane (✓: a name of the training set), each letter of held-out names shaded by the lane’s loss on it, and one attention head over a fixed name.',
  images: 'Test digits, each lane’s reconstructions, and samples its decoder draws from random codes.',
  gan: 'Real digits and the discriminator’s loss over time (dashed: ln 4, D cannot tell); per lane, its generator’s digits from the same fixed codes and D’s mean score on real and fake.',
};

function Picture({ picture }: { picture: TaskPicture }) {
  switch (picture.kind) {
    case 'landscape':
      return <LandscapePicture picture={picture} />;
    case 'spectrum':
      return <SpectrumPicture picture={picture} />;
    case 'fit':
      return <FitPicture picture={picture} />;
    case 'boundary':
      return <BoundaryPicture picture={picture} />;
    case 'digits':
      return <DigitsPicture picture={picture} />;
    case 'sentences':
      return <SentencesPicture picture={picture} />;
    case 'text':
      return <TextPicture picture={picture} />;
    case 'names':
      return <NamesPicture picture={picture} />;
    case 'images':
      return <ImagesPicture picture={picture} />;
    case 'gan':
      return <GanPicture picture={picture} />;
  }
}

/** The task's picture, computed in the worker a few times a second and drawn here. */
export function TaskPicture() {
  const picture = usePicture();
  const taskId = useStore((s) => s.config.task.id);
  const label = taskSpec(taskId)?.label ?? taskId;
  return (
    <section className="panel" data-testid="task-picture" data-kind={picture?.kind ?? ''} data-step={picture?.step ?? ''}>
      <div className="picture-head">
        <h2>Picture · {label}</h2>
        {picture && <span className="meta">step {picture.step}</span>}
      </div>
      {picture ? (
        <>
          <p className="hint">{picture.kind === 'sentences' ? `Held-out examples, their label, and each lane’s P(${picture.classes[1]}) (red when wrong).` : CAPTIONS[picture.kind]}</p>
          <div className="picture-body">
            <Picture picture={picture} />
          </div>
        </>
      ) : (
        <p className="hint">The picture appears once the run is built.</p>
      )}
    </section>
  );
}
