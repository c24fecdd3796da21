import { useId, useMemo } from 'react';
import type { ParamSpec } from '../../core/params';
import { formatNumber } from '../shared/format';
import { sliderScale } from './sliderScale';

interface Props {
  spec: ParamSpec;
  value: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Accessible name when the visible label is ambiguous (e.g. "lane 2 learning rate η"). */
  ariaLabel?: string;
}

/**
 * A control generated from a ParamSpec: a slider (log specs move in log space, integers stay
 * whole), or a select for categorical specs (the value is an index into `choices`).
 */
export function ParamSlider({ spec, value, onChange, disabled, ariaLabel }: Props) {
  const id = useId();
  const scale = useMemo(() => sliderScale(spec), [spec]);
  if (spec.choices) {
    return (
      <div className="param" title={spec.meaning}>
        <label htmlFor={id} className="param-label">
          {spec.label}
        </label>
        <select id={id} value={value} disabled={disabled} aria-label={ariaLabel} onChange={(e) => onChange(Number(e.currentTarget.value))}>
          {spec.choices.map((c, i) => (
            <option key={c} value={i}>
              {c}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="param" title={spec.meaning}>
      <label htmlFor={id} className="param-label">
        {spec.label}
      </label>
      <output htmlFor={id} className="param-value">
        {formatNumber(value)}
      </output>
      <input
        id={id}
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toSlider(value)}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-valuetext={formatNumber(value)}
        title={spec.meaning}
        onChange={(e) => onChange(scale.fromSlider(Number(e.currentTarget.value)))}
      />
    </div>
  );
}
