import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/core/run/codec';
import { hashString } from '../../../src/core/random/philox';
import { decodeDigits } from '../../../src/core/tasks/digits/data';
import { ganState } from '../../../src/core/tasks/gan/task';
import { decodeCheckpoint } from '../../../src/core/tasks/sentiment/checkpoint';
import { FIRST_RATED, flippedWords, makeCorpus, ratedWords } from '../../../src/core/tasks/sentiment/corpus';
import { preparedScript, whyNoScript } from '../../../src/ui/share/pytorchDownload';
import { exportableLanes, pytorchScript, scriptAssets } from '../../../src/export/pytorch/script';
import { noTorchReason, torchPython } from '../../helpers/python';
import { make, setUpTasks, value } from '../../helpers/tasks';

/**
 * The data tasks' scripts against the playground itself: the embedded digits decode to the
 * playground's pixels, the embedded checkpoint is the playground's to the bit, and given the same
 * weights and data each model's eval loss and metric are the playground's.
 */

const dir = mkdtempSync(join(tmpdir(), 'zo-torch-data-'));
if (!torchPython && !process.env.CI) console.warn(`[pytorch export] data-task checks skipped: ${noTorchReason}`);
const dataFile = (name: string) => new Uint8Array(readFileSync(join('public', 'data', name)));

function writeScript(hash: string): string {
  const { config } = decodeConfig(hash);
  const script = pytorchScript(config, 0, Object.fromEntries(scriptAssets(config.task.id).map((n) => [n, dataFile(n)])));
  if (!script.ok) throw new Error(script.reason);
  const file = join(dir, `${config.task.id}-${hashString(hash)}.py`);
  writeFileSync(file, script.text);
  return file;
}

/**
 * Import the exported script as a module `m` (its main() does not run), bind `data` to the JSON
 * input, run `body` (Python, which sets `out`) and return `out` as JSON.
 */
function inScript(file: string, data: unknown, body: string): unknown {
  const input = join(dir, `input-${hashString(body)}.json`);
  writeFileSync(input, JSON.stringify(data));
  const driver = [
    'import importlib.util, json, sys',
    'import torch',
    'import torch.nn.functional as F',
    'spec = importlib.util.spec_from_file_location("exported", sys.argv[1])',
    'm = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(m)',
    'data = json.load(open(sys.argv[2]))',
    body,
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync(torchPython!, ['-c', driver, file, input], {
    stdio: 'pipe',
    timeout: 120_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (run.status !== 0) throw new Error(run.error?.message ?? run.stderr.toString());
  return JSON.parse(run.stdout.toString());
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.skipIf(!torchPython && !process.env.CI)('PyTorch export of the data tasks', () => {
  beforeAll(setUpTasks);

  it('embeds the first `train` training digits and the test digits, decoding to the playground’s pixels and labels', () => {
    const train = 300;
    const file = writeScript(`#task=digits-mlp&t.train=${train}&seed=1&lane=zo-sgd`);
    const out = inScript(
      file,
      null,
      'pixels, labels, num_train, side = m.load_digits()\nout = {"pixels": pixels.flatten().tolist(), "labels": labels.tolist(), "train": num_train, "side": side}',
    ) as { pixels: number[]; labels: number[]; train: number; side: number };
    const digits = decodeDigits(dataFile('digits.bin'));
    const area = digits.side * digits.side;
    const rows = (from: number, count: number) => Array.from(digits.pixels.subarray(from * area, (from + count) * area));
    expect([out.train, out.side]).toEqual([train, digits.side]);
    expect(out.pixels).toEqual([...rows(0, train), ...rows(digits.numTrain, digits.numTest)]);
    expect(out.labels).toEqual([...digits.labels.subarray(0, train), ...digits.labels.subarray(digits.numTrain)]);
  });

  // The kernels go from tfjs's [kh, kw, in, out] to torch's [out, in, kh, kw]; everything else as is.
  const TO_TORCH = 'params = [torch.tensor(v).reshape(s).permute(3, 2, 0, 1) if len(s) == 4 else torch.tensor(v).reshape(s) for v, s in data]';
  it.each([
    ['digits-mlp', '#task=digits-mlp&t.hidden=16&seed=4&lane=zo-sgd'],
    ['digits-cnn', '#task=digits-cnn&t.channels=3&seed=4&lane=zo-sgd'],
    ['digits-resnet', '#task=digits-resnet&t.channels=2&seed=4&lane=zo-sgd'],
    ['digit-autoencoder', '#task=digit-autoencoder&t.hidden=12&t.latent=3&seed=4&lane=zo-sgd'],
  ])('%s: same shapes, and with the playground’s weights the same eval loss and metric on the same test digits', (id, hash) => {
    const { config } = decodeConfig(`${hash}&t.train=100`);
    const task = make(id, config.task.settings, config.seed);
    // Weights that start at zero (biases, the ResNet's last residual convolutions) get small random
    // values, so every weight takes part in the comparison.
    task.params.forEach((p, i) => {
      if (p.dataSync().every((v) => v === 0)) p.assign(tf.randomNormal(p.shape, 0, 0.3, 'float32', i));
    });
    const weights = task.params.map((p) => [Array.from(p.dataSync()), p.shape]);
    const [loss, metric] = task.evaluate().map(value);
    task.dispose();
    const out = inScript(
      writeScript(`${hash}&t.train=100`),
      weights,
      [
        'task = m.Task(4, torch.device("cpu"))',
        TO_TORCH,
        'shapes = [list(p.shape) for p in task.params]',
        'for p, w in zip(task.params, params):',
        '    assert p.shape == w.shape, (p.shape, w.shape)',
        '    p.copy_(w)',
        'out = [sum(p.numel() for p in task.params), *task.evaluate()]',
      ].join('\n'),
    ) as number[];
    expect(out[0]).toBe(task.numParams);
    expect(relative(out[1], loss)).toBeLessThan(1e-4);
    expect(relative(out[2], metric)).toBeLessThan(1e-4);
  });

  it('digits-gan: with the playground’s G, D and codes, the same losses; after one D step (Adam, the same batch) the same D', () => {
    const hash = '#task=digits-gan&t.latent=3&t.hidden=8&t.dHidden=6&t.batch=8&t.dLr=0.01&seed=4&lane=zo-sgd&t.train=100';
    const { config } = decodeConfig(hash);
    const task = make('digits-gan', config.task.settings, config.seed);
    const { generator, discriminator, evalCodes } = ganState.of(task);
    // Zero biases get small random values, so every weight takes part.
    [...generator.params, ...discriminator.params].forEach((p, i) => {
      if (p.dataSync().every((v) => v === 0)) p.assign(tf.randomNormal(p.shape, 0, 0.3, 'float32', i));
    });
    const weights = (vars: readonly tf.Variable[]) => vars.map((p) => Array.from(p.dataSync()));
    const batch = task.batch(3)!;
    const input = {
      g: weights(generator.params),
      d: weights(discriminator.params),
      codes: Array.from(evalCodes.dataSync()),
      x: Array.from(batch.x.dataSync()),
      z: Array.from(batch.y.dataSync()),
    };
    const before = task.evaluate().map(value);
    task.afterStep!(batch, 3);
    const after = task.evaluate().map(value);
    const dAfter = weights(discriminator.params).flat();
    tf.dispose([batch.x, batch.y]);
    task.dispose();
    const out = inScript(writeScript(hash), input, [
      'task = m.Task(4, torch.device("cpu"))',
      'for p, w in zip(task.params + task.d_params, data["g"] + data["d"]):',
      '    p.data.copy_(torch.tensor(w).reshape(p.shape))',
      'task.eval_codes = torch.tensor(data["codes"]).reshape(task.eval_codes.shape)',
      'before = list(task.evaluate())',
      'x, z = torch.tensor(data["x"]).reshape(-1, 196), torch.tensor(data["z"]).reshape(-1, 3)',
      'with torch.no_grad():',
      '    task.after_step((x, z))',
      'out = {"before": before, "after": list(task.evaluate()), "d": torch.cat([p.detach().flatten() for p in task.d_params]).tolist()}',
    ].join('\n')) as { before: number[]; after: number[]; d: number[] };
    out.before.forEach((v, i) => expect(relative(v, before[i])).toBeLessThan(1e-4));
    out.after.forEach((v, i) => expect(relative(v, after[i])).toBeLessThan(1e-4));
    expect(Math.abs(after[1] - before[1])).toBeGreaterThan(1e-3); // the step moved D
    out.d.forEach((w, i) => expect(Math.abs(w - dAfter[i])).toBeLessThan(1e-5));
  });

  it.each([
    ['names, LoRA', '#task=gpt-finetune&t.source=names&t.tune=lora&t.rank=2&seed=3&lane=zo-sgd'],
    ['brown, full', '#task=gpt-finetune&t.source=brown&seed=3&lane=zo-sgd'],
  ])('gpt-finetune %s: from the embedded checkpoint, the playground’s d and its step-0 eval loss', (_name, hash) => {
    const { config } = decodeConfig(hash);
    const task = make('gpt-finetune', config.task.settings, config.seed);
    const [loss, perplexity] = task.evaluate().map(value);
    task.dispose();
    const out = inScript(writeScript(hash), null, 'task = m.Task(3, torch.device("cpu"))\nout = [sum(p.numel() for p in task.params), *task.evaluate()]') as number[];
    expect(out[0]).toBe(task.numParams);
    expect(relative(out[1], loss)).toBeLessThan(1e-4);
    expect(relative(out[2], perplexity)).toBeLessThan(1e-4);
  });

  it('sentiment-finetune: the checkpoint to the bit, and on the playground’s eval sentences the playground’s step-0 eval loss', () => {
    const { config } = decodeConfig('#task=sentiment-finetune&t.shift=0.4&t.sentences=100&seed=5&lane=zo-sgd');
    const checkpoint = decodeCheckpoint(dataFile('sentiment-pretrained.bin'));
    // The eval sentences come from a Philox stream the script does not reproduce (it draws from
    // torch's generator): the script's model is scored on the playground's own sentences.
    const rated = ratedWords(checkpoint[0].shape[0] - FIRST_RATED);
    const evalSet = makeCorpus(500, config.seed, hashString('sentiment'), 1, rated, flippedWords(config.task.settings.shift, rated));
    const task = make('sentiment-finetune', config.task.settings, config.seed);
    const [loss, accuracy] = task.evaluate().map(value);
    task.dispose();
    const out = inScript(
      writeScript('#task=sentiment-finetune&t.shift=0.4&t.sentences=100&seed=5&lane=zo-sgd'),
      { tokens: Array.from(evalSet.tokens), labels: Array.from(evalSet.labels) },
      [
        'task = m.Task(5, torch.device("cpu"))',
        'tokens, labels = torch.tensor(data["tokens"]).reshape(len(data["labels"]), -1), torch.tensor(data["labels"])',
        'logits = task.logits(tokens)',
        'accuracy = (logits.argmax(-1) == labels).float().mean().item()',
        'out = {"params": [p.flatten().tolist() for p in task.params], "shapes": [list(p.shape) for p in task.params],',
        '       "loss": F.cross_entropy(logits, labels).item(), "accuracy": accuracy}',
      ].join('\n'),
    ) as { params: number[][]; shapes: number[][]; loss: number; accuracy: number };
    expect(out.shapes).toEqual(checkpoint.map((t) => t.shape));
    out.params.forEach((values, i) => expect(values).toEqual(Array.from(checkpoint[i].values)));
    expect(relative(out.loss, loss)).toBeLessThan(1e-4);
    expect(out.accuracy).toBeCloseTo(accuracy, 6);
  });
});

describe('preparing the script in the page', () => {
  it('fetches the data files the task embeds, and says so when one cannot be fetched', async () => {
    const { config } = decodeConfig('#task=digits-mlp&t.train=100&lane=zo-sgd');
    const asked: string[] = [];
    const script = await preparedScript(config, 0, async (name) => {
      asked.push(name);
      return dataFile(name).slice().buffer;
    });
    expect(asked).toEqual(['digits.bin']);
    expect(script).toMatchObject({ ok: true, text: expect.stringContaining('DIGITS = """') });
    const failed = await preparedScript(config, 0, async (name) => {
      throw new Error(`Could not load data/${name}: HTTP 404`);
    });
    expect(failed).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be fetched.*HTTP 404/) });
  });

  it('needs no fetch for a task without data, and the disabled button says why', async () => {
    const { config } = decodeConfig('#task=quadratic&lane=zo-sgd');
    const script = await preparedScript(config, 0, () => Promise.reject(new Error('no fetch expected')));
    expect(script.ok).toBe(true);
    expect(whyNoScript(config, exportableLanes(config))).toBeNull();
    expect(whyNoScript({ ...config, lanes: [] }, [])).toBe('No lane to export.');
  });
});
