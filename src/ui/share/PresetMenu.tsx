import { useId } from 'react';
import { loadPreset } from '../app/runActions';
import { useStore } from '../store';
import { availablePresets } from './presets';

/** Guided presets: choosing one loads its link and plays it. */
export function PresetMenu() {
  const id = useId();
  const presetId = useStore((s) => s.presetId);
  const presets = availablePresets();
  return (
    <div className="field inline">
      <label htmlFor={id}>Presets</label>
      <select
        id={id}
        data-testid="preset-menu"
        value={presetId ?? ''}
        onChange={(e) => {
          if (e.currentTarget.value) loadPreset(e.currentTarget.value);
        }}
      >
        <option value="">choose a guided run…</option>
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}
