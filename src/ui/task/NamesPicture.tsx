import type { NamesPicture } from '../../core/tasks/picture';
import { laneColour } from '../lanes/laneStyle';
import { LaneTitle, useLaneLabels } from './LaneTitle';

/** Shade for a per-character loss (nats): 0 clear, ≥ ln 27 ≈ 3.3 (no better than guessing) full. */
const shade = (loss: number) => `rgba(220, 38, 38, ${Math.min(1, Math.max(0, loss / Math.log(27))) * 0.6})`;
const CELL = 20;
const AXIS = 18;

/** Names: each lane's new names (✓ when in the training set), its loss per letter, and one head's attention. */
export function NamesPicture({ picture }: { picture: NamesPicture }) {
  const labels = useLaneLabels();
  return (
    <>
      {picture.samples.map((samples, lane) => {
        const losses = picture.charLoss[lane];
        const mean = losses.reduce((a, b) => a + b, 0) / Math.max(1, losses.length);
        const copied = picture.inTraining[lane].reduce((a, b) => a + b, 0);
        return (
          <div className="picture-card" key={lane} data-testid={`names-lane-${lane}`}>
            <LaneTitle laneIdx={lane} label={labels[lane] ?? `lane ${lane + 1}`} extra={`${copied} of ${samples.length} new names are training names`} />
            <ol className="name-samples" style={{ borderColor: laneColour(lane) }}>
              {samples.map((name, i) => (
                <li key={i} className={picture.inTraining[lane][i] ? 'known' : 'new'} title={picture.inTraining[lane][i] ? 'in the training set' : 'not in the training set'}>
                  {name === '' ? '∅' : name}
                  {picture.inTraining[lane][i] ? ' ✓' : ''}
                </li>
              ))}
            </ol>
            <span className="meta">held-out names: {mean.toFixed(2)} nats/char (end = “.”)</span>
            <HeldOut names={picture.heldOut} losses={losses} />
            <AttentionMap prompt={picture.attentionPrompt} prefix={picture.prefixSlots} weights={picture.attention[lane]} />
          </div>
        );
      })}
    </>
  );
}

/** Each held-out name's letters and its end, shaded by the loss of predicting them. */
function HeldOut({ names, losses }: { names: string[]; losses: Float32Array }) {
  // Where each name's losses start in the concatenated array: its letters and its end.
  const starts = names.map((_, n) => names.slice(0, n).reduce((a, m) => a + m.length + 1, 0));
  return (
    <p className="char-loss" aria-label="Per-character loss on held-out names">
      {names.map((name, n) => {
        const start = starts[n];
        return (
          <span key={n} className="held-name">
            {Array.from(name + '.', (c, i) => (
              <span key={i} style={{ background: shade(losses[start + i]) }} title={`${losses[start + i].toFixed(2)} nats`}>
                {c}
              </span>
            ))}{' '}
          </span>
        );
      })}
    </p>
  );
}

/** Attention weights of layer 0, head 0: rows are queries (the token reading), columns the keys it attends to. */
function AttentionMap({ prompt, prefix, weights }: { prompt: string; prefix: number; weights: Float32Array }) {
  const T = prompt.length;
  const S = prefix + T;
  const keys = [...Array.from({ length: prefix }, (_, i) => `p${i + 1}`), ...prompt];
  const left = AXIS + 14;
  const top = AXIS + 14;
  const width = left + S * CELL + 4;
  const height = top + T * CELL + 4;
  return (
    <figure className="attention-map">
      <svg width={width} height={height} role="img" aria-label={`Attention of layer 0, head 0 over “${prompt}”`}>
        <text x={left + (S * CELL) / 2} y={10} textAnchor="middle" className="axis-title">key (attended to)</text>
        <text transform={`translate(10 ${top + (T * CELL) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">query</text>
        {keys.map((k, s) => (
          <text key={`k${s}`} x={left + s * CELL + CELL / 2} y={top - 5} textAnchor="middle" className="axis-tick">{k}</text>
        ))}
        {Array.from(prompt, (q, t) => (
          <text key={`q${t}`} x={left - 5} y={top + t * CELL + CELL / 2 + 4} textAnchor="end" className="axis-tick">{q}</text>
        ))}
        {Array.from({ length: T * S }, (_, i) => {
          const t = Math.floor(i / S);
          const s = i % S;
          const w = weights[i] ?? 0;
          return (
            <rect key={i} x={left + s * CELL} y={top + t * CELL} width={CELL - 1} height={CELL - 1} fill={`rgba(37, 99, 235, ${w.toFixed(3)})`} stroke="var(--grid)" strokeWidth={0.5}>
              <title>{`${prompt[t]} → ${keys[s]}: ${w.toFixed(2)}`}</title>
            </rect>
          );
        })}
        <path d={causalEdge(left, top, prefix, T)} className="causal-edge" fill="none" stroke="var(--muted)" strokeWidth={1.2} />
      </svg>
      <figcaption className="meta">layer 0, head 0 on “{prompt}”; right of the line: later keys, masked</figcaption>
    </figure>
  );
}

/** The staircase between the keys each query sees (the prefix and keys up to itself) and the masked later ones. */
function causalEdge(left: number, top: number, prefix: number, T: number): string {
  let d = `M ${left + (prefix + 1) * CELL} ${top}`;
  for (let t = 0; t < T; t++) {
    d += ` V ${top + (t + 1) * CELL}`;
    if (t + 1 < T) d += ` H ${left + (prefix + t + 2) * CELL}`;
  }
  return d;
}
