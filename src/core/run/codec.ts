import { OPTIMIZER_IDS, isOptimizerId, optimizerSpec } from '../optimizers/specs';
import { isTaskId, taskSpec, type TaskId } from '../tasks/specs';
import { fitToSpec, formatParam, type ParamSpec } from '../params';
import {
  BACKENDS,
  MAX_LANES,
  MAX_SCHEDULE,
  MAX_STEPS,
  defaultConfig,
  defaultLane,
  defaultTaskSettings,
  type BackendChoice,
  type Lane,
  type RunConfig,
  type ScheduleEntry,
} from './config';
import { encodeView, isViewKey, readViewKey, type ViewSettings } from './view';

/**
 * The share-link codec: a versioned, human-readable URL hash, one table of keys.
 *
 *   #v=1&task=spiral&t.hidden=16&seed=1&steps=2000&eval=20&backend=auto
 *     &lane=zo-sgd:lr=0.015,eps=0.001,q=1&lane=adam:lr=0.03,beta1=0.9,beta2=0.999
 *     &at=500:0:lr=0.01&x=passes&seeds=3&run=1
 *
 * The view keys (x, y, smooth, seeds: core/run/view.ts) say how the run is shown, not what it computes.
 * Decoding never throws: unknown keys, bad numbers, out-of-range values and unknown ids become
 * notices, and the value falls back to its default or is clamped into range.
 */

export const CODEC_VERSION = 1;
/** Longer links are refused whole (browsers and chat apps truncate far longer ones). */
export const MAX_LINK_LENGTH = 8192;

export interface Decoded {
  config: RunConfig;
  notices: string[];
  /** The link asks to start the run on load (`run=1`). */
  autoplay: boolean;
  /** The view settings the link names (absent: it names none; the rest keep their defaults). */
  view?: Partial<ViewSettings>;
}

/** Format a number the shortest way that reads back to the same double. */
function num(x: number): string {
  return String(x);
}


export function encodeConfig(config: RunConfig, opts: { autoplay?: boolean; view?: ViewSettings } = {}): string {
  const parts: string[] = [`v=${CODEC_VERSION}`, `task=${config.task.id}`];
  for (const [k, v] of Object.entries(config.task.settings)) parts.push(`t.${k}=${num(v)}`);
  parts.push(`seed=${config.seed}`, `steps=${config.steps}`, `eval=${config.evalEvery}`);
  parts.push(`backend=${config.backend}`);
  const specOf = (laneIdx: number, name: string) =>
    optimizerSpec(config.lanes[laneIdx]?.optimizer ?? '')?.hypers.find((h) => h.name === name);
  config.lanes.forEach((lane, laneIdx) => {
    const hyper = Object.entries(lane.hyper)
      .map(([k, v]) => `${k}=${formatParam(specOf(laneIdx, k), v)}`)
      .join(',');
    parts.push(`lane=${lane.optimizer}:${hyper}${lane.diagnostics ? ',diag=1' : ''}`);
  });
  for (const e of config.schedule) parts.push(`at=${e.step}:${e.lane}:${e.name}=${formatParam(specOf(e.lane, e.name), e.value)}`);
  if (opts.view) parts.push(...encodeView(opts.view));
  if (opts.autoplay) parts.push('run=1');
  return '#' + parts.join('&');
}

/** Edit distance, for "did you mean" on unknown ids. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export function nearest<Id extends string>(id: string, ids: readonly Id[]): Id {
  let best = ids[0];
  let bestDist = Infinity;
  for (const candidate of ids) {
    const d = levenshtein(id.toLowerCase(), candidate);
    if (d < bestDist) {
      best = candidate;
      bestDist = d;
    }
  }
  return best;
}

/** Shorten user text before quoting it in a notice (notices are shown as text, never HTML). */
function quote(s: string): string {
  const t = s.length > 40 ? s.slice(0, 40) + '…' : s;
  return `'${t}'`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function parseNumber(raw: string): number | null {
  if (raw.trim() === '') return null;
  const x = Number(raw);
  return Number.isFinite(x) ? x : null;
}

/**
 * Parse `raw` against `spec`, clamping with a notice; null when unreadable, with a notice naming
 * `kept`, the value that then stays in force (null: the entry is dropped).
 */
function readParam(spec: ParamSpec, raw: string, where: string, notices: string[], kept: number | null): number | null {
  if (spec.choices) {
    const idx = spec.choices.indexOf(raw.trim());
    if (idx >= 0) return idx;
    const asIndex = parseNumber(raw);
    if (asIndex !== null && Number.isInteger(asIndex) && asIndex >= 0 && asIndex < spec.choices.length) return asIndex;
    const guess = nearest(raw.trim(), spec.choices);
    notices.push(`${where}: ${quote(raw)} is not one of ${spec.choices.join(' | ')}; using the nearest, '${guess}'.`);
    return spec.choices.indexOf(guess);
  }
  const x = parseNumber(raw);
  if (x === null) {
    notices.push(`${where}: ${quote(raw)} is not a number; ${kept === null ? 'ignored' : `using ${num(kept)}`}.`);
    return null;
  }
  const fitted = fitToSpec(spec, x);
  if (fitted.changed)
    notices.push(
      `${where}: ${num(x)} is outside ${spec.min}…${spec.max}${spec.integer ? ' (whole numbers)' : ''}; using ${num(fitted.value)}.`,
    );
  return fitted.value;
}

function readInt(raw: string, min: number, max: number, fallback: number, what: string, notices: string[]): number {
  const x = parseNumber(raw);
  if (x === null) {
    notices.push(`${what}: ${quote(raw)} is not a number; using ${fallback}.`);
    return fallback;
  }
  const v = Math.min(max, Math.max(min, Math.round(x)));
  if (v !== x) notices.push(`${what}: ${num(x)} is outside ${min}…${max} or not whole; using ${v}.`);
  return v;
}

function decodeLane(raw: string, laneNo: number, taskId: TaskId, notices: string[]): Lane {
  const colon = raw.indexOf(':');
  const idRaw = (colon < 0 ? raw : raw.slice(0, colon)).trim();
  const id = isOptimizerId(idRaw) ? idRaw : nearest(idRaw, OPTIMIZER_IDS);
  if (id !== idRaw) notices.push(`lane ${laneNo}: unknown optimizer ${quote(idRaw)}; using the nearest, '${id}'.`);
  const spec = optimizerSpec(id);
  // A hyperparameter the link does not name takes its legacy value where it has one: the encoder
  // writes them all, so such a link predates it and must replay as it ran then (ParamSpec.legacy).
  const lane = defaultLane(id, taskId, { legacy: true });
  if (colon < 0) return lane;
  for (const item of raw.slice(colon + 1).split(',')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (name === 'diag') {
      // Not a hyperparameter: the lane's gradient-diagnostics switch.
      if (item.slice(eq + 1) === '1') lane.diagnostics = true;
      continue;
    }
    const p = spec.hypers.find((h) => h.name === name);
    if (!p) {
      notices.push(`lane ${laneNo} (${id}): unknown hyperparameter ${quote(name)} ignored.`);
      continue;
    }
    const v = readParam(p, eq < 0 ? '' : item.slice(eq + 1), `lane ${laneNo} (${id}) ${name}`, notices, lane.hyper[name]);
    if (v !== null) lane.hyper[name] = v;
  }
  return lane;
}

function decodeSchedule(raw: string, lanes: Lane[], notices: string[]): ScheduleEntry | null {
  const m = /^(\d+):(\d+):([^=]+)=(.*)$/.exec(raw);
  if (!m) {
    notices.push(`schedule entry ${quote(raw)} is not step:lane:name=value; ignored.`);
    return null;
  }
  const step = Number(m[1]);
  const lane = Number(m[2]);
  if (step < 1 || step > MAX_STEPS || lane >= lanes.length) {
    notices.push(`schedule entry ${quote(raw)} names a step or lane that does not exist; ignored.`);
    return null;
  }
  const spec = optimizerSpec(lanes[lane].optimizer)!;
  const p = spec.hypers.find((h) => h.name === m[3]);
  if (!p) {
    notices.push(`schedule entry ${quote(raw)}: ${spec.id} has no hyperparameter ${quote(m[3])}; ignored.`);
    return null;
  }
  const value = readParam(p, m[4], `schedule entry at step ${step}`, notices, null);
  return value === null ? null : { step, lane, name: p.name, value };
}

/** Decode a share link, a bare hash, or a query string. Never throws. */
export function decodeConfig(input: string): Decoded {
  const notices: string[] = [];
  const config = defaultConfig();
  let autoplay = false;
  const view: Partial<ViewSettings> = {};
  let text = typeof input === 'string' ? input : '';
  const hashAt = text.indexOf('#');
  if (hashAt >= 0) text = text.slice(hashAt + 1);
  text = text.trim();
  if (text === '') return { config, notices, autoplay };
  if (text.length > MAX_LINK_LENGTH) {
    notices.push(`The link is ${text.length} characters long, over the ${MAX_LINK_LENGTH} limit; it was ignored and the default run loaded.`);
    return { config, notices, autoplay };
  }

  const pairs = text
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [safeDecode(p), ''] : [safeDecode(p.slice(0, eq)), safeDecode(p.slice(eq + 1))];
    });

  // The task comes first: lane defaults may depend on it.
  const taskRaw = pairs.filter(([k]) => k === 'task').pop()?.[1];
  if (taskRaw !== undefined) {
    const raw = taskRaw.trim();
    // An unknown task falls back to the default one: a nearest spelling can be a different model
    // altogether (a misspelt 'gpt-names' is closer to 'digits-mlp' than to anything like it).
    if (isTaskId(raw)) config.task = { id: raw, settings: defaultTaskSettings(raw) };
    else notices.push(`Unknown task ${quote(taskRaw)}; the default task, '${config.task.id}', is loaded instead.`);
  }
  const task = taskSpec(config.task.id)!;

  const lanes: Lane[] = [];
  const scheduleRaw: string[] = [];
  const seen = new Set<string>();
  for (const [key, value] of pairs) {
    if (key !== 'lane' && key !== 'at') {
      if (seen.has(key)) notices.push(`'${key}' appears more than once; the last one counts.`);
      seen.add(key);
    }
    if (key === 'v') {
      if (value !== String(CODEC_VERSION))
        notices.push(`Link version ${quote(value)} is not known; read as version ${CODEC_VERSION}.`);
    } else if (key === 'task') {
      // handled above
    } else if (key.startsWith('t.')) {
      const name = key.slice(2);
      const p = task.settings.find((s) => s.name === name);
      if (!p) notices.push(`Task '${task.id}' has no setting ${quote(name)}; ignored.`);
      else {
        const v = readParam(p, value, `${task.id} ${name}`, notices, config.task.settings[name]);
        if (v !== null) config.task.settings[name] = v;
      }
    } else if (key === 'seed') {
      config.seed = readInt(value, 0, 0xffffffff, config.seed, 'seed', notices);
    } else if (key === 'steps') {
      config.steps = readInt(value, 1, MAX_STEPS, config.steps, 'steps', notices);
    } else if (key === 'eval') {
      config.evalEvery = readInt(value, 1, MAX_STEPS, config.evalEvery, 'eval', notices);
    } else if (key === 'backend') {
      if ((BACKENDS as readonly string[]).includes(value)) config.backend = value as BackendChoice;
      else notices.push(`Unknown backend ${quote(value)}; using 'auto'.`);
    } else if (key === 'lane') {
      if (lanes.length >= MAX_LANES) notices.push(`More than ${MAX_LANES} lanes; the rest are ignored.`);
      else lanes.push(decodeLane(value, lanes.length + 1, task.id, notices));
    } else if (key === 'at') {
      scheduleRaw.push(value);
    } else if (key === 'run') {
      autoplay = value === '1';
    } else if (isViewKey(key)) {
      readViewKey(key, value, view, notices);
    } else {
      notices.push(`Unknown key ${quote(key)} ignored.`);
    }
  }
  for (const n of task.repair?.(config.task.settings) ?? []) notices.push(`${task.id}: ${n}`);
  if (lanes.length > 0) config.lanes = lanes;
  else if (taskRaw !== undefined) config.lanes = config.lanes.map((l) => defaultLane(l.optimizer, task.id));

  for (const raw of scheduleRaw) {
    if (config.schedule.length >= MAX_SCHEDULE) {
      notices.push(`More than ${MAX_SCHEDULE} schedule entries; the rest are ignored.`);
      break;
    }
    const e = decodeSchedule(raw, config.lanes, notices);
    if (e) config.schedule.push(e);
  }
  config.schedule.sort((a, b) => a.step - b.step || a.lane - b.lane);
  return Object.keys(view).length > 0 ? { config, notices, autoplay, view } : { config, notices, autoplay };
}
