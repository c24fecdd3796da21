import { optimizerSpec } from '../../core/optimizers/specs';
import { toggleDiagnostics } from '../lanes/laneActions';
import { laneColour, laneLabel } from '../lanes/laneStyle';
import { useStore } from '../store';

/** One checkbox per gradient-free lane: compute its diagnostics (backprop lanes have ĝ = ∇L). Carried by the link. */
export function DiagnosticsToggles() {
  const lanes = useStore((s) => s.config.lanes);
  const candidates = lanes.map((l, i) => ({ l, i })).filter(({ l }) => optimizerSpec(l.optimizer)?.family !== 'backprop');
  if (candidates.length === 0) return <p className="hint">No gradient-free lane: backprop lanes use the true gradient.</p>;
  return (
    <div className="legend" role="group" aria-label="Gradient diagnostics per lane">
      {candidates.map(({ l, i }) => (
        <label key={i} className="legend-item check">
          <input type="checkbox" checked={l.diagnostics === true} onChange={() => toggleDiagnostics(i)} data-testid={`diagnostics-lane-${i}`} />
          <span className="swatch" style={{ background: laneColour(i) }} aria-hidden="true" />
          diagnostics on {laneLabel(i, l.optimizer)}
        </label>
      ))}
    </div>
  );
}
