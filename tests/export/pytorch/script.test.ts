import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../src/core/optimizers/specs';
import { decodeConfig } from '../../../src/core/run/codec';
import { parseCsv } from '../../../src/export/csv';
import { TASKS, type TaskId } from '../../../src/core/tasks/specs';
import { CHARS } from '../../../src/core/tasks/char-lm/text';
import { ratedWords, vocabulary } from '../../../src/core/tasks/sentiment/corpus';
import { LEXICON } from '../../../src/core/tasks/sentiment/lexicon';
import { GRAMMAR } from '../../../src/core/tasks/char-lm/grammar';
import { gptTextState } from '../../../src/core/tasks/gpt/finetune';
import { gptNamesState } from '../../../src/core/tasks/gpt/task';
import { exportableLanes, pytorchScript, scriptAssets, unexportableReason } from '../../../src/export/pytorch/script';
import { python, requireTorch, torchPython } from '../../helpers/python';
import { make, setUpTasks } from '../../helpers/tasks';

/**
 * "Export as PyTorch script": the file compiles for every task and zeroth-order rule with a
 * template, and where PyTorch is installed (Debian: python3-torch) it trains: the loss falls.
 */

const dir = mkdtempSync(join(tmpdir(), 'zo-torch-'));

interface Case {
  name: string;
  hash: string;
  steps: number;
  /** What the run must lower: its eval loss, or (a two-player game's) the printed metric with this label. */
  falls?: string;
}

/**
 * Task cases: every task template with ZO-SGD (its suggested hyperparameters unless overridden
 * here). Keep each run to a few seconds of CPU.
 */
const TASK_CASES: Record<string, Partial<Case>> = {
  spiral: { name: 'spiral MLP, zo-sgd with a live lr change', hash: '#task=spiral&seed=3&steps=200&lane=zo-sgd:lr=0.03,eps=0.001,q=1&at=150:0:lr=0.01', steps: 200 },
  quadratic: { name: 'quadratic, zo-sgd q=4', hash: '#task=quadratic&t.d=100&t.kappa=10&seed=2&lane=zo-sgd:lr=0.001,eps=0.001,q=4', steps: 150 },
  // As in the playground, ZO-SGD moves the sentiment loss little in 200 steps (0.71 → 0.70); 1,000 steps are ~2 s.
  sentiment: { name: 'sentiment, zo-sgd, 1,000 steps', steps: 1000 },
  // The 106k-weight Brown GPT: 60 steps, 16 held-out messages (the checkpoint's bias against " spam" goes first).
  'prompt-classify': { name: 'prompt-classify (Brown GPT), zo-sgd, 60 steps', hash: '#task=prompt-classify&t.held=16&seed=1&lane=zo-sgd', steps: 60 },
  // A game: against a ZO-SGD generator the Adam discriminator wins, so D's loss falls and G's rises.
  'digits-gan': { name: 'digits-gan, zo-sgd generator: D learns', falls: 'D loss' },
};

/**
 * Optimizer cases: every optimizer with a template, on the quadratic (its suggested hyperparameters)
 * unless overridden here. Overrides reach the options a default run leaves out: the one-sided base
 * zo-cons shares, Rademacher directions, LOZO's low-rank U Vᵀ (weight matrices: the spiral) with V
 * refreshed every 5 steps, OpenAI-ES switching from Adam to SGD, and the σ restarts of the strategies.
 */
const OPTIMIZER_CASES: Record<string, Partial<Case>> = {
  'zo-sign': { hash: '#task=quadratic&t.d=100&seed=2&lane=zo-sign:lr=0.05', steps: 150 },
  'zo-sgd-mmt': { hash: '#task=quadratic&t.d=100&seed=2&lane=zo-sgd-mmt:lr=0.0001,momentum=0.9', steps: 150 },
  'zo-adam': { hash: '#task=quadratic&t.d=100&seed=2&lane=zo-adam:lr=0.05', steps: 150 },
  'zo-signsgd': { name: 'quadratic, zo-signsgd q=2 Rademacher', hash: '#task=quadratic&t.d=100&seed=2&lane=zo-signsgd:lr=0.02,q=2,dist=rademacher' },
  'zo-cons': { name: 'quadratic, zo-cons one-sided', hash: '#task=quadratic&t.d=100&seed=2&lane=zo-cons:lr=0.004,mode=one-sided' },
  lozo: { name: 'spiral MLP, lozo rank 2, V every 5 steps', hash: '#task=spiral&seed=3&lane=lozo:lr=0.03,rank=2,nu=5', steps: 200 },
  'openai-es': { name: 'spiral MLP, openai-es, Adam then SGD from step 100', hash: '#task=spiral&seed=3&lane=openai-es:lr=0.05,sigma=0.05,n=20,rule=adam&at=100:0:rule=sgd', steps: 200 },
  snes: { name: 'quadratic, snes with σ restarted at step 75', hash: '#task=quadratic&t.d=100&seed=2&lane=snes&at=75:0:sigma=0.05' },
  'cma-es': { name: 'quadratic, cma-es with σ set at step 75', hash: '#task=quadratic&t.d=100&seed=2&lane=cma-es&at=75:0:sigma=0.1' },
  'one-plus-one-es': { name: 'quadratic, one-plus-one-es with σ restarted at step 75', hash: '#task=quadratic&t.d=100&seed=2&lane=one-plus-one-es&at=75:0:sigma=0.1' },
};

const CASES: Case[] = [
  ...TASKS.map((t) => t.id)
    .map((id) => ({ name: `${id}, zo-sgd`, hash: `#task=${id}&seed=1&lane=zo-sgd`, steps: 200, ...TASK_CASES[id] })),
  ...OPTIMIZERS.map((o) => o.id)
    .filter((id) => id !== 'zo-sgd')
    .map((id) => ({ name: `quadratic, ${id}`, hash: `#task=quadratic&t.d=100&seed=2&lane=${id}`, steps: 150, ...OPTIMIZER_CASES[id] })),
];

/** The embedded files, read from public/data as the exporter fetches them. */
const assetsFor = (taskId: TaskId) =>
  Object.fromEntries(scriptAssets(taskId).map((name) => [name, new Uint8Array(readFileSync(join('public', 'data', name)))]));

function writeScript(c: Case): string {
  const config = decodeConfig(c.hash);
  expect(config.notices).toEqual([]);
  const script = pytorchScript(config.config, 0, assetsFor(config.config.task.id));
  if (!script.ok) throw new Error(script.reason);
  const file = join(dir, script.filename.replace('.py', `-${CASES.indexOf(c)}.py`));
  writeFileSync(file, script.text);
  return file;
}

/** The playground's parameter count for the case's task and settings. */
function playgroundParams(c: Case): number {
  const { config } = decodeConfig(c.hash);
  const task = make(config.task.id, config.task.settings, config.seed);
  task.dispose();
  return task.numParams;
}

/**
 * A Python expression evaluated over the script's module-level assignments and functions, by
 * Python itself (the torch code never runs, so plain python3 will do); the value as JSON.
 */
function evalInScript(hash: string, expression: string): unknown {
  const { config } = decodeConfig(hash);
  const script = pytorchScript(config, 0, assetsFor(config.task.id));
  if (!script.ok) throw new Error(script.reason);
  const file = join(dir, `eval-${script.filename}`);
  writeFileSync(file, script.text);
  const evaluate = [
    'import ast, json, math, sys',
    'tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())',
    'body = [n for n in tree.body if isinstance(n, ast.Assign) or isinstance(n, ast.FunctionDef) and not n.decorator_list]',
    'scope = {"math": math}',
    'exec(compile(ast.Module(body=body, type_ignores=[]), sys.argv[1], "exec"), scope)',
    'print(json.dumps(eval(sys.argv[2], scope)))',
  ].join('\n');
  return JSON.parse(execFileSync(python!, ['-c', evaluate, file, expression], { stdio: 'pipe' }).toString());
}

/** eval_loss (or another printed value) at step 1 and at the last step. */
function firstAndLastEval(output: string, label = 'eval_loss'): [number, number] {
  const evals = [...output.matchAll(new RegExp(`${label} (\\S+)`, 'g'))].map((m) => Number(m[1]));
  expect(evals.length).toBeGreaterThanOrEqual(2);
  return [evals[0], evals[evals.length - 1]];
}

describe('PyTorch export', () => {
  beforeAll(setUpTasks);

  it('writes the lane’s hyperparameters, its live changes and the MeZO seed trick', () => {
    const { config } = decodeConfig(CASES[0].hash);
    const script = pytorchScript(config, 0);
    if (!script.ok) throw new Error(script.reason);
    expect(script.text).toContain('"lr": 0.03,');
    expect(script.text).toContain('"eps": 0.001,');
    expect(script.text).toContain('150: {"lr": 0.01}');
    expect(script.text).toContain('torch.manual_seed(seed)');
    expect(script.text).toContain('SEED = 3');
    expect(script.filename).toBe('zo-playground-spiral-zo-sgd.py');
  });

  it('refuses a lane that does not exist, and says why', () => {
    const { config } = decodeConfig('#task=spiral&lane=adam&lane=zo-sgd');
    expect(unexportableReason(config, 7)).toMatch(/no such lane/);
    expect(pytorchScript(config, 7)).toMatchObject({ ok: false, reason: 'no such lane' });
  });

  it('refuses to write a script without the data it embeds', () => {
    const id = TASKS.map((t) => t.id).find((t) => scriptAssets(t).length > 0);
    expect(id, 'a task that embeds data').toBeDefined();
    const { config } = decodeConfig(`#task=${id}&lane=zo-sgd`);
    expect(pytorchScript(config, 0, {})).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be loaded/) });
  });

  it('every lane exports (every task and optimizer has a template: the registries are Records)', () => {
    const { config } = decodeConfig('#task=spiral&lane=adam&lane=zo-sgd&lane=cma-es');
    expect(exportableLanes(config)).toEqual([0, 1, 2]);
  });

  it.each(CASES)('compiles with py_compile: $name', (c) => {
    if (!python) throw new Error('python3 is required to check the exported script (it is installed on the CI image)');
    execFileSync(python, ['-m', 'py_compile', writeScript(c)], { stdio: 'pipe' });
  });

  it.for(CASES)('runs under PyTorch and its loss falls: $name', (c, ctx) => {
    requireTorch(ctx);
    const out = execFileSync(torchPython!, [writeScript(c), '--steps', String(c.steps), '--device', 'cpu'], {
      stdio: 'pipe',
      timeout: 120_000,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    }).toString();
    const [first, last] = firstAndLastEval(out, c.falls);
    expect(last, out).toBeLessThan(first);
    expect(out, 'the model has the playground’s parameter count').toContain(`${playgroundParams(c)} parameters,`);
    expect(out).not.toContain('diverged');
  });
});

/** The scripts embed the word lists they generate text from; what Python reads is the playground's. */
describe('PyTorch export: embedded data', () => {
  it('sentiment: the script’s vocabulary and valences are the playground’s', () => {
    if (!python) throw new Error('python3 is required to read the exported script');
    const hash = '#task=sentiment&t.words=60&lane=zo-sgd';
    const rated = ratedWords(60);
    const inUse = 'rated_words(int(SETTINGS["words"]))';
    expect(evalInScript(hash, `["<pad>"] + FILLERS + [LEXICON[i][0] for i in ${inUse}]`)).toEqual(vocabulary(rated));
    expect(evalInScript(hash, `[LEXICON[i][1] for i in ${inUse}]`)).toEqual(rated.map((i) => LEXICON[i][1]));
    expect(evalInScript(hash, 'LEXICON')).toEqual(LEXICON.map(([word, valence]) => [word, valence]));
  });

  it('char-lm: the script’s grammar and alphabet are the playground’s', () => {
    if (!python) throw new Error('python3 is required to read the exported script');
    expect(evalInScript('#task=char-lm&lane=zo-sgd', 'GRAMMAR')).toEqual(GRAMMAR);
    expect(evalInScript('#task=char-lm&lane=zo-sgd', 'CHARS')).toBe(CHARS);
  });

  it('gpt-names: the script trains and evaluates on the playground’s names, with its alphabet', async () => {
    if (!python) throw new Error('python3 is required to read the exported script');
    await setUpTasks();
    for (const which of ['all', 'female']) {
      const hash = `#task=gpt-names&t.names=${which}&lane=zo-sgd`;
      const task = make('gpt-names', decodeConfig(hash).config.task.settings);
      const { sets } = gptNamesState.of(task);
      task.dispose();
      expect(evalInScript(hash, 'TRAIN_NAMES')).toEqual(sets.train);
      expect(evalInScript(hash, 'EVAL_NAMES')).toEqual(sets.eval);
      expect(evalInScript(hash, 'CHARS')).toBe(sets.tokenizer.vocab.join(''));
    }
  });

  it('gpt-finetune: the script embeds the source’s checkpoint byte for byte and the playground’s fine-tuning data', async () => {
    if (!python) throw new Error('python3 is required to read the exported script');
    await setUpTasks();
    const checkpointHex = (hash: string) => evalInScript(hash, '__import__("base64").b64decode(CHECKPOINT).hex()');
    const names = '#task=gpt-finetune&t.source=names&lane=zo-sgd';
    const task = make('gpt-finetune', decodeConfig(names).config.task.settings);
    const { sets } = gptNamesState.of(task);
    task.dispose();
    expect(checkpointHex(names)).toBe(Buffer.from(readFileSync(join('public', 'data', 'gpt-male-names.bin'))).toString('hex'));
    expect(evalInScript(names, 'TRAIN_NAMES')).toEqual(sets.train);
    expect(evalInScript(names, 'EVAL_NAMES')).toEqual(sets.eval);
    expect(evalInScript(names, 'CHARS')).toBe(sets.tokenizer.vocab.join(''));
    const brown = '#task=gpt-finetune&t.source=brown&lane=zo-sgd';
    const text = make('gpt-finetune', decodeConfig(brown).config.task.settings);
    const { streams } = gptTextState.of(text);
    text.dispose();
    expect(checkpointHex(brown)).toBe(Buffer.from(readFileSync(join('public', 'data', 'gpt-brown.bin'))).toString('hex'));
    expect(evalInScript(brown, 'TRAIN_STREAM')).toEqual(streams.train);
    expect(evalInScript(brown, 'EVAL_STREAM')).toEqual(streams.eval);
  });
});

/** The GPT script trains what the playground trains in each tuning mode. */
describe('PyTorch export: gpt-names tuning modes', () => {
  beforeAll(setUpTasks);
  it.for(['lora&t.rank=2', 'prefix&t.prefix=3', 'bias', 'head&t.layers=2'])('tune=%s: the playground’s d, and the loss falls', (tune, ctx) => {
    requireTorch(ctx);
    const c = { name: `gpt-names ${tune}`, hash: `#task=gpt-names&t.tune=${tune}&seed=2&lane=adam:lr=0.01`, steps: 30 };
    const out = execFileSync(torchPython!, [writeScript(c), '--steps', String(c.steps), '--device', 'cpu'], { stdio: 'pipe', timeout: 120_000, env: { ...process.env, OMP_NUM_THREADS: '1' } }).toString();
    expect(out).toContain(`${playgroundParams(c)} parameters,`);
    const [first, last] = firstAndLastEval(out);
    expect(last, out).toBeLessThan(first);
  });
});

/** gpt-finetune's script starts from the embedded checkpoint and trains what the playground trains. */
describe('PyTorch export: gpt-finetune tuning modes', () => {
  beforeAll(setUpTasks);
  it.for(['lora&t.rank=2', 'prefix&t.prefix=3', 'bias&t.source=brown&t.batch=4'])('tune=%s: the playground’s d, and the loss falls from the checkpoint', (tune, ctx) => {
    requireTorch(ctx);
    const c = { name: `gpt-finetune ${tune}`, hash: `#task=gpt-finetune&t.tune=${tune}&seed=2&lane=adam:lr=0.003`, steps: 30 };
    const out = execFileSync(torchPython!, [writeScript(c), '--steps', String(c.steps), '--device', 'cpu'], { stdio: 'pipe', timeout: 120_000, env: { ...process.env, OMP_NUM_THREADS: '1' } }).toString();
    expect(out).toContain(`${playgroundParams(c)} parameters,`);
    const [first, last] = firstAndLastEval(out);
    expect(last, out).toBeLessThan(first);
  });
});

/** Behaviour of the optimizer templates beyond "the loss falls". */
describe('PyTorch export: optimizers', () => {
  /** Run an exported script on the CPU. */
  function runScript(file: string, args: string[]) {
    return spawnSync(torchPython!, [file, ...args, '--device', 'cpu'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
  }

  it('CMA-ES refuses more than 300 parameters, as the playground does, and names the alternatives', (ctx) => {
    requireTorch(ctx);
    const file = writeScript({ name: 'spiral MLP, 354 parameters, cma-es', hash: '#task=spiral&t.hidden=16&lane=cma-es', steps: 5 });
    const run = runScript(file, ['--steps', '5']);
    expect(run.status, run.stdout).toBe(1);
    expect(run.stderr).toMatch(/cma-es keeps a full 354 x 354 covariance matrix and is limited to 300 parameters/);
    expect(run.stderr).toMatch(/snes.*openai-es/);
  });

  it('sgd, momentum and adam match the playground’s own run (npm run zo, tfjs cpu) step for step', (ctx) => {
    requireTorch(ctx);
    // Rosenbrock from its fixed start (−1.2, 1): nothing is random, so the two runs must agree.
    const steps = 20;
    const link =
      `#task=rosenbrock&seed=1&steps=${steps}&eval=1&backend=cpu` +
      '&lane=sgd:lr=0.001&lane=momentum:lr=0.0005,momentum=0.9&lane=adam:lr=0.05,beta1=0.9,beta2=0.999';
    const csvFile = join(dir, 'rosenbrock-backprop.csv');
    execFileSync('npm', ['run', '--silent', 'zo', '--', link, '--csv', csvFile], { stdio: 'pipe', timeout: 120_000 });
    const playground = parseCsv(readFileSync(csvFile, 'utf8'));
    const { config } = decodeConfig(link);
    config.lanes.forEach((lane, laneIdx) => {
      const script = pytorchScript(config, laneIdx);
      if (!script.ok) throw new Error(script.reason);
      const file = join(dir, script.filename);
      writeFileSync(file, script.text);
      const run = runScript(file, ['--steps', String(steps), '--log-every', '1']);
      expect(run.status, run.stderr).toBe(0);
      const torchLosses = [...run.stdout.matchAll(/train_loss (\S+)/g)].map((m) => Number(m[1]));
      const tfjsLosses = playground.filter((r) => r.lane === laneIdx).map((r) => r.trainLoss);
      expect(torchLosses, `${lane.optimizer}: ${run.stdout}`).toHaveLength(steps);
      expect(tfjsLosses).toHaveLength(steps);
      // The loss moves, so agreement is not just copies of f(−1.2, 1) = 24.2.
      expect(Math.abs(tfjsLosses[steps - 1] - tfjsLosses[0]) / tfjsLosses[0], lane.optimizer).toBeGreaterThan(0.1);
      torchLosses.forEach((loss, i) =>
        expect(Math.abs(loss - tfjsLosses[i]) / tfjsLosses[i], `${lane.optimizer} step ${i + 1}: torch ${loss}, tfjs ${tfjsLosses[i]}`).toBeLessThan(1e-4),
      );
    });
  });
});
