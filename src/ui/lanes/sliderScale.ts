import { fitToSpec, type ParamSpec } from '../../core/params';

/** Slider positions for log specs: 0…LOG_TICKS across [log min, log max]. */
const LOG_TICKS = 1000;

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  toSlider: (value: number) => number;
  fromSlider: (position: number) => number;
}

/** How a ParamSpec maps onto an `<input type="range">`: log specs move in log space. */
export function sliderScale(spec: ParamSpec): SliderScale {
  const fit = (v: number) => fitToSpec(spec, v).value;
  if (spec.log && spec.min > 0) {
    const lo = Math.log(spec.min);
    const span = Math.log(spec.max) - lo;
    return {
      min: 0,
      max: LOG_TICKS,
      step: 1,
      toSlider: (v) => Math.round(((Math.log(Math.max(v, spec.min)) - lo) / span) * LOG_TICKS),
      // Three significant digits keep values readable in links (0.0213, not 0.021297…).
      fromSlider: (p) => fit(Number(Math.exp(lo + (p / LOG_TICKS) * span).toPrecision(3))),
    };
  }
  if (spec.integer) return { min: spec.min, max: spec.max, step: 1, toSlider: (v) => v, fromSlider: fit };
  const step = 10 ** Math.floor(Math.log10((spec.max - spec.min) / 1000));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    min: spec.min,
    max: spec.max,
    step,
    toSlider: (v) => v,
    fromSlider: (p) => fit(Number(p.toFixed(decimals))),
  };
}
