import { useId, useState } from 'react';
import { formatNumber } from '../format';

interface Props {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  integer?: boolean;
  disabled?: boolean;
  title?: string;
}

/** A number input that commits on Enter or blur; unreadable text reverts, values are clamped. */
export function FloatField({ label, value, onCommit, min = -Infinity, max = Infinity, integer, disabled, title }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(formatNumber(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(formatNumber(value));
  }
  const commit = () => {
    const x = Number(draft.trim());
    if (draft.trim() === '' || !Number.isFinite(x)) {
      setDraft(formatNumber(value));
      return;
    }
    const v = Math.min(max, Math.max(min, integer ? Math.round(x) : x));
    setDraft(formatNumber(v));
    if (v !== value) onCommit(v);
  };
  return (
    <div className="field" title={title}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
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
