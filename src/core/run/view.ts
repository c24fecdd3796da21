/**
 * How a run is shown, carried by its share link beside the RunConfig: the loss chart's x axis,
 * y scale and smoothing, and the number of seeds per lane. None of it changes what a run computes,
 * so it is not part of the RunConfig; a link writes only what differs from the defaults, so links
 * written before these keys existed decode to today's defaults.
 *
 *   &x=passes&y=linear&smooth=0.9&seeds=3
 */

export const X_KEYS = ['step', 'forwardPasses', 'wallMs'] as const;
export type ViewXKey = (typeof X_KEYS)[number];

export interface ViewSettings {
  xKey: ViewXKey;
  logY: boolean;
  /** EMA weight of the train-loss curve, 0 (off) … MAX_SMOOTHING. */
  smoothing: number;
  /** Runs per lane, the main one included. */
  seeds: number;
}

export const MAX_SEEDS = 8;
export const MAX_SMOOTHING = 0.99;
export const VIEW_DEFAULTS: Readonly<ViewSettings> = { xKey: 'step', logY: true, smoothing: 0, seeds: 1 };

/** The link's words for the x axes. */
const X_WORDS: Record<ViewXKey, string> = { step: 'steps', forwardPasses: 'passes', wallMs: 'wall' };

/** Link parts (`key=value`) for the settings that differ from the defaults. */
export function encodeView(view: ViewSettings): string[] {
  const parts: string[] = [];
  if (view.xKey !== VIEW_DEFAULTS.xKey) parts.push(`x=${X_WORDS[view.xKey]}`);
  if (view.logY !== VIEW_DEFAULTS.logY) parts.push(`y=${view.logY ? 'log' : 'linear'}`);
  if (view.smoothing !== VIEW_DEFAULTS.smoothing) parts.push(`smooth=${view.smoothing}`);
  if (view.seeds !== VIEW_DEFAULTS.seeds) parts.push(`seeds=${view.seeds}`);
  return parts;
}

export const VIEW_KEYS = ['x', 'y', 'smooth', 'seeds'] as const;
export const isViewKey = (key: string): key is (typeof VIEW_KEYS)[number] => (VIEW_KEYS as readonly string[]).includes(key);

/** Read one view key into `view`; a bad value leaves the setting at its default, with a notice. */
export function readViewKey(key: (typeof VIEW_KEYS)[number], raw: string, view: Partial<ViewSettings>, notices: string[]): void {
  const value = raw.trim();
  if (key === 'x') {
    const xKey = X_KEYS.find((k) => X_WORDS[k] === value || k === value);
    if (xKey) view.xKey = xKey;
    else notices.push(`x: '${value.slice(0, 40)}' is not one of ${X_KEYS.map((k) => X_WORDS[k]).join(' | ')}; using '${X_WORDS[VIEW_DEFAULTS.xKey]}'.`);
  } else if (key === 'y') {
    if (value === 'log' || value === 'linear') view.logY = value === 'log';
    else notices.push(`y: '${value.slice(0, 40)}' is not log | linear; using 'log'.`);
  } else {
    const x = value === '' ? NaN : Number(value);
    const [max, fallback] = key === 'smooth' ? [MAX_SMOOTHING, VIEW_DEFAULTS.smoothing] : [MAX_SEEDS, VIEW_DEFAULTS.seeds];
    const min = key === 'smooth' ? 0 : 1;
    if (!Number.isFinite(x)) {
      notices.push(`${key}: '${value.slice(0, 40)}' is not a number; using ${fallback}.`);
      return;
    }
    let v = Math.min(max, Math.max(min, x));
    if (key === 'seeds') v = Math.round(v);
    if (v !== x) notices.push(`${key}: ${x} is outside ${min}…${max}${key === 'seeds' ? ' (whole numbers)' : ''}; using ${v}.`);
    if (key === 'smooth') view.smoothing = v;
    else view.seeds = v;
  }
}
