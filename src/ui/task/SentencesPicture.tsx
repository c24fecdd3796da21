import type { SentencesPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';

function Sentence({ text, shifted }: { text: string; shifted: Set<string> }) {
  return (
    <>
      {text.split(' ').map((word, i) => (
        <span key={i} className={shifted.has(word) ? 'shifted-word' : undefined}>
          {i > 0 ? ' ' : ''}
          {word}
        </span>
      ))}
    </>
  );
}

/** Sentence classification: each lane's P(positive) on held-out sentences, and its accuracy. */
export function SentencesPicture({ picture }: { picture: SentencesPicture }) {
  const labels = useLaneLabels();
  const shifted = new Set(picture.shifted);
  return (
    <div className="picture-card">
      <table className="picture-table">
        <thead>
          <tr>
            <th>text</th>
            <th>label</th>
            {picture.positive.map((_, lane) => (
              <th key={lane}>
                <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} extra={`${(100 * picture.accuracy[lane]).toFixed(1)}%`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {picture.sentences.map((s, i) => (
            <tr key={i}>
              <td>
                <Sentence text={s} shifted={shifted} />
              </td>
              <td>{picture.classes[picture.labels[i]]}</td>
              {picture.positive.map((p, lane) => {
                const right = (p[i] > 0.5 ? 1 : 0) === picture.labels[i];
                return (
                  <td key={lane} className={right ? 'right' : 'wrong'}>
                    <span className="prob-bar">
                      <i style={{ width: `${100 * p[i]}%`, background: laneColour(lane) }} />
                    </span>
                    {p[i].toFixed(2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {picture.shifted.length > 0 && <span className="meta">Wavy underline: words whose polarity flipped in the new domain ({picture.shifted.length} of them).</span>}
    </div>
  );
}
