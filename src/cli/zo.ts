/**
 * `npm run zo -- '<share link or #hash>' [--csv FILE] [--json FILE] [--pytorch LANE [FILE]]
 *   [--sweep NAME=FROM:TO:N[,…]] [--seeds N] [--steps N] …` (see --help).
 * Decodes the same RunConfig as the browser and runs the same Runner, on tfjs's wasm backend unless
 * the link or `--backend` pins cpu (see backend.ts).
 */
import { taskSpec } from '../core/tasks/specs';
import { encodeConfig } from '../core/run/codec';
import type { RunConfig } from '../core/run/config';
import { useDiskAssets } from './assets';
import { nodeBackendFor, startNodeBackend, type NodeBackend } from './backend';
import { parseArgs, usage, type CliOptions } from './args';
import { laneSpreads, runSeeds, runSweep, seedsFromSpec, sweepFromSpec } from './experiments';
import { writePytorchScript, writeRunCsv, writeRunJson, writeSweepCsv } from './outputs';
import { printRunSummary, printSeedSpread, printSweepGrid } from './report';
import { endProgress, progressReporter, runToEnd } from './run';

async function setUpTfjs(config: RunConfig): Promise<{ name: NodeBackend; label: string }> {
  const { backend, notice } = nodeBackendFor(config.backend);
  if (notice) console.error(`notice: ${notice}`);
  return { name: backend, label: await startNodeBackend(backend) };
}

/** Experiments and outputs that cannot go together are refused before anything runs. */
function checkCombination(opts: CliOptions): void {
  if (opts.sweep !== null && opts.seeds !== null) throw new Error('--sweep and --seeds cannot be combined: run one, then the other');
  if (opts.sweep !== null && opts.json) throw new Error('--json writes one run (and its seeds); a sweep writes its cells with --csv');
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(usage());
    return 0;
  }
  const { config, notices } = opts.decoded;
  for (const n of notices) console.error(`notice: ${n}`);
  checkCombination(opts);
  const sweep = opts.sweep !== null ? sweepFromSpec(opts.sweep, config) : null;
  const numSeeds = opts.seeds !== null ? seedsFromSpec(opts.seeds) : 1;
  const backend = await setUpTfjs(config);
  const task = taskSpec(config.task.id)!;
  console.log(`ZO Playground · ${task.label} · seed ${config.seed} · ${config.steps} steps · backend ${backend.label} (Node)`);
  console.log(`config: ${encodeConfig(config)}`);
  useDiskAssets();
  if (opts.pytorch) await writePytorchScript(config, opts.pytorch.lane, opts.pytorch.file);

  if (sweep) {
    const cells = await runSweep(config, sweep);
    printSweepGrid(sweep, cells.map((c) => c.cell));
    console.log(`total ${(cells.reduce((t, c) => t + c.outcome.totalMs, 0) / 1000).toFixed(2)} s`);
    if (opts.csv) writeSweepCsv(opts.csv, cells);
    return 0;
  }
  if (numSeeds > 1) {
    const outcomes = await runSeeds(config, numSeeds);
    console.log(`${numSeeds} seeds: ${outcomes.map((o) => o.config.seed).join(', ')}`);
    printSeedSpread(outcomes[0], laneSpreads(outcomes), numSeeds);
    console.log(`total ${(outcomes.reduce((t, o) => t + o.totalMs, 0) / 1000).toFixed(2)} s`);
    if (opts.csv) writeRunCsv(opts.csv, outcomes);
    if (opts.json) writeRunJson(opts.json, outcomes, backend.name);
    return 0;
  }
  const outcome = await runToEnd(config, {
    onStart: (runner) => {
      const d = runner.numParams();
      const total = runner.numTotal();
      console.log(`parameters: ${d}${total > d ? ` trainable of ${total}` : ''}`);
      for (const r of runner.references()) console.log(`reference: ${r.label} ${r.value.toFixed(4)}`);
    },
    onProgress: progressReporter('', config.steps),
  });
  endProgress();
  printRunSummary(outcome);
  console.log(`total ${(outcome.totalMs / 1000).toFixed(2)} s`);
  if (opts.csv) writeRunCsv(opts.csv, [outcome]);
  if (opts.json) writeRunJson(opts.json, [outcome], backend.name);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
