import { OPTIMIZERS } from '../core/optimizers/specs';
import { TASKS } from '../core/tasks/specs';
import { fitToSpec } from '../core/params';
import { decodeConfig, type Decoded } from '../core/run/codec';

/**
 * Command-line arguments → a RunConfig, through the same decoder as share links: flags become
 * extra hash pairs, so validation, clamping and notices are identical. Hyperparameter flags
 * (--lr, --eps, …) are generated from the optimizer registry and apply to every lane that has them.
 */

export interface CliOptions {
  decoded: Decoded;
  csv: string | null;
  json: string | null;
  /** `--pytorch LANE [FILE]`: the lane's script, to FILE or to the browser's file name. */
  pytorch: { lane: string; file: string | null } | null;
  /** `--sweep NAME=FROM:TO:N[,NAME=FROM:TO:N]`, as given (read against the config by sweepFromSpec). */
  sweep: string | null;
  /** `--seeds N`, as given. */
  seeds: string | null;
  help: boolean;
}

const HYPER_NAMES = [...new Set(OPTIMIZERS.flatMap((o) => o.hypers.map((h) => h.name)))];

export function usage(): string {
  const lines = [
    "Usage: npm run zo -- '<share link or #hash>' [options]",
    '',
    "Runs the same RunConfig as the browser, headless on tfjs in Node (wasm unless the link or --backend",
    'pins cpu); prints a summary per lane.',
    '',
    'Options:',
    '  --csv FILE           write the metrics CSV (same columns as the browser export; with --sweep a',
    '                       leading `cell` column, with --seeds a leading `seed` column)',
    '  --json FILE          write the run JSON (the browser\'s "Export JSON"; with --seeds, the extra seeds too)',
    '  --pytorch LANE [FILE]  write the browser\'s PyTorch script for lane LANE (from 0); FILE ends in .py',
    '                       (default: the browser\'s file name, zo-playground-<task>-<optimizer>.py)',
    '  --sweep NAME=FROM:TO:N[,NAME=FROM:TO:N]',
    '                       run a grid over the first lane\'s hyperparameter NAME (or a task setting',
    '                       t.NAME), N values from FROM to TO, log-spaced when the parameter is',
    '                       log-scaled, as the browser\'s sweep; each cell is a one-lane run of the',
    '                       link; prints the grid of final eval losses and each cell\'s link',
    '  --seeds N            run every lane with N seeds (seed, seed + 1, …, as the browser\'s "Seeds',
    '                       per lane"); prints the mean, min–max and ±σ of the final eval loss per lane',
    '  --backend wasm|cpu   tfjs backend (default: the link\'s backend=, wasm for auto); on the same',
    '                       backend the CSV equals the browser\'s',
    '  --steps N            step budget',
    '  --seed N             run seed',
    '  --eval N             evaluate every N steps',
    '  --task ID            ' + TASKS.map((t) => t.id).join(' | '),
    '  --lane ID[:k=v,…]    a lane (repeat; replaces the link\'s lanes)',
    '',
    'Examples:',
    "  npm run zo -- '#task=quadratic&t.d=100&lane=zo-sgd' --steps 300 --sweep lr=0.0001:0.01:3,t.d=10:1000:3 --csv grid.csv",
    "  npm run zo -- '#task=spiral&lane=zo-sgd&lane=adam' --seeds 5 --json runs.json",
    "  npm run zo -- '#task=digits-mlp&lane=zo-sgd' --pytorch 0 digits.py --steps 1",
    '',
    'Task settings (--t.NAME VALUE):',
    ...TASKS.flatMap((t) => t.settings.map((s) => `  --t.${s.name.padEnd(16)} ${t.id}: ${s.meaning} [${s.min}…${s.max}]`)),
    '',
    'Hyperparameters (applied to every lane that has them):',
    ...HYPER_NAMES.map((name) => {
      const owners = OPTIMIZERS.filter((o) => o.hypers.some((h) => h.name === name));
      const h = owners[0].hypers.find((x) => x.name === name)!;
      return `  --${name.padEnd(19)} ${h.meaning} (${owners.map((o) => o.id).join(', ')})`;
    }),
  ];
  return lines.join('\n');
}

export function parseArgs(argv: string[]): CliOptions {
  let link = '';
  let csv: string | null = null;
  let json: string | null = null;
  let pytorch: CliOptions['pytorch'] = null;
  let sweep: string | null = null;
  let seeds: string | null = null;
  let help = false;
  const extra: string[] = [];
  const lanes: string[] = [];
  const hypers: [string, string][] = [];
  const notices: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) notices.push(`${arg} needs a value; ignored.`);
      return v ?? '';
    };
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--csv') csv = value() || null;
    else if (arg === '--json') json = value() || null;
    else if (arg === '--pytorch') {
      const lane = value();
      const file = argv[i + 1]?.endsWith('.py') ? argv[++i] : null;
      pytorch = { lane, file };
    } else if (arg === '--sweep') sweep = value();
    else if (arg === '--seeds') seeds = value();
    else if (arg === '--backend') extra.push(`backend=${value()}`);
    else if (arg === '--steps') extra.push(`steps=${value()}`);
    else if (arg === '--seed') extra.push(`seed=${value()}`);
    else if (arg === '--eval') extra.push(`eval=${value()}`);
    else if (arg === '--task') extra.unshift(`task=${value()}`);
    else if (arg === '--lane') lanes.push(`lane=${value()}`);
    else if (arg.startsWith('--t.')) extra.push(`${arg.slice(2)}=${value()}`);
    else if (arg.startsWith('--') && HYPER_NAMES.includes(arg.slice(2))) hypers.push([arg.slice(2), value()]);
    else if (arg.startsWith('--')) notices.push(`Unknown option ${arg}; see --help.`);
    else if (link === '') link = arg;
    else notices.push(`Extra argument '${arg}' ignored.`);
  }
  let hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  if (lanes.length > 0) hash = hash.split('&').filter((p) => !p.startsWith('lane=') && !p.startsWith('at=')).join('&');
  const decoded = decodeConfig('#' + [hash, ...extra, ...lanes].filter(Boolean).join('&'));
  decoded.notices.unshift(...notices);
  for (const [name, raw] of hypers) {
    const x = Number(raw);
    decoded.config.lanes.forEach((lane, idx) => {
      const spec = OPTIMIZERS.find((o) => o.id === lane.optimizer)!.hypers.find((h) => h.name === name);
      if (!spec) return;
      if (raw.trim() === '' || !Number.isFinite(x)) {
        decoded.notices.push(`--${name}: '${raw}' is not a number; ignored.`);
        return;
      }
      const fitted = fitToSpec(spec, x);
      if (fitted.changed) decoded.notices.push(`--${name} ${x} is outside ${spec.min}…${spec.max} for lane ${idx}; using ${fitted.value}.`);
      lane.hyper[name] = fitted.value;
    });
  }
  return { decoded, csv, json, pytorch, sweep, seeds, help };
}
