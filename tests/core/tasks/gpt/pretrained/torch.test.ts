import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRETRAINED, PRETRAINED_IDS, parsePretrainedMeta, pretrainedFiles, type PretrainedId } from '../../../../../src/core/tasks/gpt/pretrained/checkpoints';
import { pretrainData } from '../../../../../src/core/tasks/gpt/pretrained/corpora';
import { asset, loadAssets, setAssetFetcher } from '../../../../../src/core/tasks/shared/assets';
import torchGptPy from '../../../../../src/core/tasks/gpt/torch_gpt.py?raw';
import { requireTorch, torchPython } from '../../../../helpers/python';

/**
 * An independent check of the recorded eval losses: nanoGPT's module in PyTorch (torch_gpt.py) loads
 * each committed checkpoint and scores the same eval rows (float32, as tfjs; reductions in another
 * order, so within 1e-4 nats of the figure recorded on the wasm backend).
 */
const DATA = new URL('../../../../../public/data/', import.meta.url);

const SCRIPT = `
import json, sys
import torch
from torch_gpt import GPT
out = {}
for case in json.load(open(sys.argv[1])):
    model = GPT.from_checkpoint(open(case["checkpoint"], "rb").read())
    with torch.no_grad():
        losses = []
        for rows in case["sets"]:
            _, loss = model(torch.tensor(rows["tokens"]), torch.tensor(rows["targets"]), torch.tensor(rows["mask"], dtype=torch.float32))
            losses.append(loss.item())
    out[case["id"]] = losses
print(json.dumps(out))
`;

describe('pre-trained checkpoints vs PyTorch (torch_gpt.py)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpt-pretrained-'));
  let torch: Record<string, number[]> = {};

  beforeAll(async () => {
    setAssetFetcher((name) => readFile(new URL(name, DATA)));
    await loadAssets([...new Set(PRETRAINED_IDS.flatMap(pretrainedFiles))]);
    if (!torchPython) return;
    writeFileSync(join(dir, 'torch_gpt.py'), torchGptPy);
    writeFileSync(join(dir, 'check.py'), SCRIPT);
    const cases = PRETRAINED_IDS.map((id) => {
      const data = pretrainData(PRETRAINED[id]);
      const checkpoint = join(dir, `${id}.bin`);
      writeFileSync(checkpoint, asset(PRETRAINED[id].file));
      return { id, checkpoint, sets: [data.eval, data.shifted] };
    });
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    const stdout = execFileSync(torchPython, [join(dir, 'check.py'), join(dir, 'cases.json')], { cwd: dir, env: { ...process.env, PYTHONPATH: dir }, timeout: 120_000 });
    torch = JSON.parse(stdout.toString()) as Record<string, number[]>;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for(PRETRAINED_IDS)('%s: PyTorch gets the recorded eval losses (trained and shifted labels) within 1e-4 nats', (id: PretrainedId, ctx) => {
    requireTorch(ctx);
    const meta = parsePretrainedMeta(asset(PRETRAINED[id].metaFile), id);
    const [evalLoss, shifted] = torch[id];
    expect(Math.abs(evalLoss - meta.eval.lossPerToken)).toBeLessThan(1e-4);
    expect(Math.abs(shifted - meta.shifted.lossPerToken)).toBeLessThan(1e-4);
  });
});
