/**
 * README.md's Optimizers and Tasks tables, written from the registries' specs (`npm run docs`,
 * src/cli/docs.ts). Each table sits between `<!-- NAME:begin -->` and `<!-- NAME:end -->`.
 */
import * as tf from '@tensorflow/tfjs';
import { OPTIMIZERS } from '../core/optimizers/specs';
import { TASKS, type TaskId } from '../core/tasks/specs';
import { defaultsOf, formatParam, type ParamSpec } from '../core/params';
import type { OptimizerSpec } from '../core/optimizers/types';
import type { TaskSpec } from '../core/tasks/shared/spec';
import { defaultConfig, defaultLane, defaultTaskSettings } from '../core/run/config';
import { Runner } from '../core/run/runner';
import { loadTaskAssets } from '../core/tasks';
import { useDiskAssets } from './assets';

export const TABLE_NAMES = ['optimizers', 'tasks'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type ReadmeTables = Record<TableName, string>;

/** A number as the README writes it: 1e−6, 0.001, 1e4, −1.2 (a true minus sign). */
export function formatNumber(v: number): string {
  const a = Math.abs(v);
  const text = a !== 0 && (a < 1e-3 || a >= 1e4) ? v.toExponential().replace('e+', 'e') : String(v);
  return text.replace(/-/g, '−');
}

/** A table cell: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(header: string[], rows: string[][]): string {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

/** `lr=0.02 [1e−6, 1] log`, or `dist=gaussian (gaussian | rademacher | sphere)`. */
function hyperText(p: ParamSpec): string {
  const value = `${p.name}=${p.choices ? formatParam(p, p.default) : formatNumber(p.default)}`;
  if (p.choices) return `${value} (${p.choices.join(' | ')})`;
  return `${value} [${formatNumber(p.min)}, ${formatNumber(p.max)}]${p.log ? ' log' : ''}`;
}

/** a·name + b, as `2q+3`, `n−1`, `lambda`, `2·lambda`. */
function affineText(slope: number, intercept: number, name: string): string {
  const coefficient = slope === 1 ? '' : name.length === 1 ? String(slope) : `${slope}·`;
  const term = slope === 0 ? '' : `${coefficient}${name}`;
  if (intercept === 0) return term || '0';
  const sign = intercept > 0 ? (term ? '+' : '') : '−';
  return `${term}${sign}${Math.abs(intercept)}`;
}

/** Slope and intercept when f is affine over the integers xs, else null. */
function fitAffine(xs: number[], f: (x: number) => number): { slope: number; intercept: number } | null {
  const slope = (f(xs[1]) - f(xs[0])) / (xs[1] - xs[0]);
  const intercept = f(xs[0]) - slope * xs[0];
  return xs.every((x) => f(x) === slope * x + intercept) ? { slope, intercept } : null;
}

/** How the count grows with one integer hyperparameter: `2q`, `q+1`, or `n, n−1 when odd`. */
function countFormula(p: ParamSpec, passes: (value: number) => number): string | null {
  const from = Math.max(p.min, Math.min(p.default, p.max - 5));
  const xs = [0, 1, 2, 3, 4, 5].map((k) => from + k);
  const affine = fitAffine(xs, passes);
  if (affine) return affineText(affine.slope, affine.intercept, p.name);
  const even = fitAffine(xs.filter((x) => x % 2 === 0), passes);
  const odd = fitAffine(xs.filter((x) => x % 2 === 1), passes);
  if (!even || !odd) return null;
  return `${affineText(even.slope, even.intercept, p.name)}, ${affineText(odd.slope, odd.intercept, p.name)} when odd`;
}

/**
 * Forward passes per step, read off the spec's `forwardPasses` function: the count at the defaults,
 * and the formula in the integer hyperparameter it grows with, per option where an option changes it
 * (`2q central, q+1 one-sided (2 at the defaults)`). A backprop step counts as 3 (1 forward + 1
 * backward ≈ 2), as the runner and the UI count it.
 */
export function forwardPassesText(spec: Pick<OptimizerSpec, 'family' | 'hypers' | 'forwardPasses' | 'passesNote'>): string {
  const defaults = defaultsOf(spec.hypers);
  const passesAt = (h: Record<string, number>) => spec.forwardPasses({ ...defaults, ...h });
  const atDefaults = passesAt({});
  // A count the hyperparameters do not fix (CMA-ES's standard λ depends on d) is stated in words.
  if (Number.isNaN(atDefaults) && spec.passesNote) return spec.passesNote;
  /** A few values of p above its default (within its range). */
  const above = (p: ParamSpec) => [1, 2, 3, 4, 5].map((k) => Math.min(p.max, p.default + k));
  const integers = spec.hypers.filter((p) => p.integer && !p.choices);
  const growing = integers.filter((p) => above(p).some((v) => passesAt({ [p.name]: v }) !== atDefaults));
  // An option changes the count when it does at the defaults or anywhere the growing values were tried
  // (at q = 1 central and one-sided both take 2 passes).
  const probes = [{}, ...growing.flatMap((p) => above(p).map((v) => ({ [p.name]: v })))];
  const options = spec.hypers.find(
    (p) => p.choices && p.choices.some((_, i) => probes.some((h) => passesAt({ ...h, [p.name]: i }) !== passesAt(h))),
  );
  if (!options && growing.length === 0) return spec.family === 'backprop' ? `${atDefaults} (1 forward + backward)` : String(atDefaults);
  const variants = options ? options.choices!.map((name, index) => ({ name, fixed: { [options.name]: index } })) : [{ name: '', fixed: {} }];
  let derived = false;
  const text = variants
    .map(({ name, fixed }) => {
      const formula = growing.length === 1 ? countFormula(growing[0], (v) => passesAt({ ...fixed, [growing[0].name]: v })) : null;
      derived ||= formula !== null;
      return `${formula ?? passesAt(fixed)}${name ? ` ${name}` : ''}`;
    })
    .join(', ');
  if (growing.length === 0) return text;
  if (derived) return `${text} (${atDefaults} at the defaults)`;
  // The direction each one moves the count (MeZO-SVRG's mean falls towards 4 as its period grows).
  const rises = (p: ParamSpec) => passesAt({ [p.name]: above(p).find((v) => passesAt({ [p.name]: v }) !== atDefaults)! }) > atDefaults;
  const moves = (up: boolean) => growing.filter((p) => rises(p) === up).map((p) => p.name).join(', ');
  const directions = [moves(true) && `grows with ${moves(true)}`, moves(false) && `falls as ${moves(false)} grows`].filter(Boolean);
  return `${text} at the defaults (${directions.join('; ')})`;
}

/** A paper link; parentheses in a DOI are percent-encoded so Markdown keeps the whole address. */
const paperLink = (spec: OptimizerSpec) =>
  `[${spec.paper.authors} ${spec.paper.year}](${spec.paper.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;

export function optimizersTable(specs: readonly OptimizerSpec[] = OPTIMIZERS): string {
  return table(
    ['id', 'label', 'family', 'paper', 'hyperparameters: name=default [range]', 'forward passes / step', 'extra memory'],
    specs.map((s) => [
      `\`${s.id}\``,
      cell(s.label),
      s.family,
      paperLink(s),
      s.hypers.map((p) => cell(hyperText(p))).join('<br>'),
      cell(forwardPassesText(s)),
      cell(s.memory),
    ]),
  );
}

/** A description longer than this is cut to its first sentence (and its metric). */
const LONG_DESCRIPTION = 200;

/** The sentences of a spec's description; a sentence ends at a full stop before a capital. */
const sentences = (text: string) => text.split(/(?<=\.)\s+(?=[A-Z])/);

/** What a task is (its description without the picture sentence) and what its picture shows. */
export function describeTask(description: string): { what: string; picture: string | null } {
  const all = sentences(description);
  const picture = all.find((s) => s.startsWith('Picture: '));
  const rest = all.filter((s) => s !== picture);
  const short = rest.join(' ').length > LONG_DESCRIPTION ? [rest[0], ...rest.slice(1).filter((s) => s.startsWith('Metric: '))] : rest;
  return { what: short.join(' '), picture: picture ? picture.slice('Picture: '.length).replace(/\.$/, '') : null };
}

/** What building a task at its default settings shows: its parameter count and its picture's kind. */
export interface BuiltTask {
  numParams: number;
  pictureKind: string;
}

/** Build each task at its default settings on tfjs's cpu backend, with its assets from public/data. */
export async function buildTasks(specs: readonly TaskSpec<TaskId>[] = TASKS): Promise<Map<string, BuiltTask>> {
  await tf.setBackend('cpu');
  await tf.ready();
  // tfjs's cpu backend greets Node users with an advert for tfjs-node on first use; keep stdout clean.
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  useDiskAssets();
  const built = new Map<string, BuiltTask>();
  for (const { id } of specs) {
    await loadTaskAssets(id);
    const runner = new Runner({ ...defaultConfig(), task: { id, settings: defaultTaskSettings(id) }, lanes: [defaultLane('adam', id)] });
    try {
      built.set(id, { numParams: runner.numParams(), pictureKind: (await runner.picture())?.kind ?? 'none' });
    } finally {
      runner.dispose();
    }
  }
  return built;
}

export function tasksTable(built: Map<string, BuiltTask>, specs: readonly TaskSpec[] = TASKS): string {
  let previousPicture: string | null = null;
  return table(
    ['id', 'settings (default)', 'params', 'what it is', 'picture'],
    specs.map((s) => {
      const { numParams, pictureKind } = built.get(s.id)!;
      const { what, picture } = describeTask(s.description);
      const settings = s.settings.map((p) => `\`${p.name}\` ${p.choices ? formatParam(p, p.default) : formatNumber(p.default)}`);
      // A picture described in the row above is named only (the landscapes and the 2-D sets share theirs).
      const pictureCell = picture && picture !== previousPicture ? `\`${pictureKind}\`: ${picture}` : `\`${pictureKind}\``;
      previousPicture = picture;
      return [`\`${s.id}\``, cell(settings.join(', ')), numParams.toLocaleString('en-US'), cell(what), cell(pictureCell)];
    }),
  );
}

export async function readmeTables(): Promise<ReadmeTables> {
  return { optimizers: optimizersTable(), tasks: tasksTable(await buildTasks()) };
}

const markers = (name: TableName) => [`<!-- ${name}:begin -->\n`, `\n<!-- ${name}:end -->`] as const;

/** The README's text between a table's markers (throws when a marker is missing). */
export function tableIn(readme: string, name: TableName): string {
  const [begin, end] = markers(name);
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end, from + begin.length);
  if (from < 0 || to < 0) throw new Error(`README.md has no '${begin.trim()}' … '${end.trim()}' around its ${name} table.`);
  return readme.slice(from + begin.length, to);
}

/** The README with every table replaced by the generated one. */
export function withTables(readme: string, tables: ReadmeTables): string {
  return TABLE_NAMES.reduce((text, name) => {
    const old = tableIn(text, name);
    const [begin] = markers(name);
    const at = text.indexOf(begin) + begin.length;
    return text.slice(0, at) + tables[name] + text.slice(at + old.length);
  }, readme);
}

/** The tables whose README text differs from the generated one. */
export function staleTables(readme: string, tables: ReadmeTables): TableName[] {
  return TABLE_NAMES.filter((name) => tableIn(readme, name) !== tables[name]);
}
