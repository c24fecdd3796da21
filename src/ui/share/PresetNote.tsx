import { useStore } from '../store';
import { presetById } from './presets';

/** The loaded preset's explanation: what the run shows and what to look at. */
export function PresetNote() {
  const preset = presetById(useStore((s) => s.presetId));
  const setPresetId = useStore((s) => s.setPresetId);
  if (!preset) return null;
  return (
    <section className="panel preset-note" data-testid="preset-note" aria-label="About this preset">
      <div className="preset-head">
        <h2>{preset.title}</h2>
        <button type="button" className="ghost" onClick={() => setPresetId(null)} aria-label="Close the preset's explanation">
          ×
        </button>
      </div>
      <p>{preset.explanation}</p>
    </section>
  );
}
