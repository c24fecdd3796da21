import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
  disabled?: boolean;
  title?: string;
}

/** A whole-number input that commits on Enter or blur, clamped into [min, max]. */
export function NumberField({ label, value, min, max, onCommit, disabled, title }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed from outside (a link, a reset): show it.
    setShown(value);
    setDraft(String(value));
  }

  const commit = () => {
    const x = Number(draft);
    if (draft.trim() === '' || !Number.isFinite(x)) {
      setDraft(String(value));
      return;
    }
    const v = Math.min(max, Math.max(min, Math.round(x)));
    setDraft(String(v));
    if (v !== value) onCommit(v);
  };

  return (
    <div className="field" title={title}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        disabled={disabled}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}
