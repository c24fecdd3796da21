/**
 * `npm run zo -- '<share link or #hash>' [--csv FILE] [--steps N] …`
 * Decodes the same RunConfig as the browser and runs the same Runner on tfjs's cpu backend.
 */
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { optimizerSpec } from '../core/catalog/optimizers';
import { taskSpec } from '../core/catalog/tasks';
import { encodeConfig } from '../core/codec';
import { toCsv, type CsvRow } from '../core/csv';
import { NUM_METRIC_COLUMNS, Runner } from '../core/runner';
import { loadTaskAssets } from '../core/tasks/assets';
import { useDiskAssets } from './assets';
import { parseArgs, usage } from './args';

async function main(): Promise<number> {
  const { decoded, csv, help } = parseArgs(process.argv.slice(2));
  if (help) {
    console.log(usage());
    return 0;
  }
  const { config, notices } = decoded;
  for (const n of notices) console.error(`notice: ${n}`);
  await tf.setBackend('cpu');
  await tf.ready();
  // tfjs's cpu backend greets Node users with an advert for tfjs-node on first use; keep stdout clean.
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  if (config.backend !== 'auto' && config.backend !== 'cpu')
    console.error(`notice: the link pins backend '${config.backend}'; Node runs tfjs on 'cpu'.`);
  const task = taskSpec(config.task.id)!;
  console.log(`ZO Playground · ${task.label} · seed ${config.seed} · ${config.steps} steps · backend cpu (Node)`);
  console.log(`config: ${encodeConfig(config)}`);

  useDiskAssets();
  await loadTaskAssets(config.task.id);
  const runner = new Runner(config);
  console.log(`parameters: ${runner.numParams()}`);
  const rows: CsvRow[] = [];
  const last = new Map<number, number[]>();
  const lastEval = new Map<number, number[]>();
  const t0 = performance.now();
  let nextReport = 0;
  while (!runner.done) {
    const chunk = await runner.runChunk(5);
    for (let i = 0; i < chunk.numRows; i++) {
      const r = chunk.rows.subarray(i * NUM_METRIC_COLUMNS, (i + 1) * NUM_METRIC_COLUMNS);
      const lane = r[0];
      rows.push({
        lane,
        optimizer: config.lanes[lane].optimizer,
        step: r[1],
        forwardPasses: r[2],
        wallMs: r[3],
        trainLoss: r[4],
        evalLoss: r[5],
      });
      last.set(lane, Array.from(r));
      if (!Number.isNaN(r[5])) lastEval.set(lane, Array.from(r));
    }
    if (process.stderr.isTTY && performance.now() > nextReport) {
      process.stderr.write(`\rstep ${runner.step}/${config.steps}`);
      nextReport = performance.now() + 500;
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r');
  const totalMs = performance.now() - t0;

  const table = config.lanes.map((lane, idx) => {
    const r = last.get(idx);
    const e = lastEval.get(idx);
    const state = runner.laneState(idx);
    return {
      lane: idx,
      optimizer: optimizerSpec(lane.optimizer)!.label,
      status: state.status === 'diverged' ? `diverged at step ${state.divergedAt}` : state.status,
      steps: r ? r[1] : 0,
      'forward passes': r ? r[2] : 0,
      'train loss': r ? Number(r[4].toPrecision(5)) : NaN,
      'eval loss': e ? Number(e[5].toPrecision(5)) : NaN,
      ...(task.metric ? { [task.metric]: e ? Number(e[6].toPrecision(4)) : NaN } : {}),
      'steps/s': r && r[3] > 0 ? Math.round((1000 * r[1]) / r[3]) : NaN,
    };
  });
  console.table(table);
  console.log(`total ${(totalMs / 1000).toFixed(2)} s`);
  runner.dispose();
  if (csv) {
    writeFileSync(csv, toCsv(rows));
    console.log(`wrote ${rows.length} rows to ${csv}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
