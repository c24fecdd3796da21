import type { OptimizerSpec } from '../../core/optimizers/types';

/**
 * The method at a glance: its update equation, forward passes per step (at the lane's current
 * hyperparameters), extra memory, a paragraph of explanation and the paper.
 */
export function OptimizerInfo({ spec, hyper }: { spec: OptimizerSpec; hyper: Record<string, number> }) {
  const passes = spec.forwardPasses({ ...Object.fromEntries(spec.hypers.map((h) => [h.name, h.default])), ...hyper });
  return (
    <details className="opt-info">
      <summary aria-label={`About ${spec.label}`}>
        {spec.family} · about this method
      </summary>
      <dl>
        <dt>Update</dt>
        <dd className="equation">{spec.equation}</dd>
        <dt>Forward passes per step</dt>
        <dd>
          {Number.isNaN(passes) && spec.passesNote ? spec.passesNote : passes}
          {spec.family === 'backprop' ? ' (1 forward + 1 backward ≈ 2)' : ''}
        </dd>
        <dt>Extra memory</dt>
        <dd>{spec.memory}</dd>
      </dl>
      <p>{spec.description}</p>
      <p>
        <a href={spec.paper.url} target="_blank" rel="noopener noreferrer">
          {spec.paper.authors} ({spec.paper.year}), {spec.paper.title}
        </a>
      </p>
    </details>
  );
}
