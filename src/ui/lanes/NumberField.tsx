import { useId, useState } from 'react';
import { formatNumber } from '../shared/format';

interface Props {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  /** Whole numbers: rounded, shown in full, and offered as a spin button. */
  integer?: boolean;
  disabled?: boolean;
  title?: string;
}

/** A number input that commits on Enter or blur; unreadable text reverts, values are clamped. */
export function NumberField({ label, value, onCommit, min = -Infinity, max = Infinity, integer, disabled, title }: Props) {
  const id = useId();
  const show = (x: number) => (integer ? String(x) : formatNumber(x));
  const [draft, setDraft] = useState(show(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed from outside (a link, a reset): show it.
    setShown(value);
    setDraft(show(value));
  }
  const commit = () => {
    const x = Number(draft.trim());
    if (draft.trim() === '' || !Number.isFinite(x)) {
      setDraft(show(value));
      return;
    }
    const v = Math.min(max, Math.max(min, integer ? Math.round(x) : x));
    setDraft(show(v));
    if (v !== value) onCommit(v);
  };
  const kind = integer
    ? { type: 'number', inputMode: 'numeric' as const, min: Number.isFinite(min) ? min : undefined, max: Number.isFinite(max) ? max : undefined, step: 1 }
    : { type: 'text', inputMode: 'decimal' as const };
  return (
    <div className="field" title={title}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...kind}
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
