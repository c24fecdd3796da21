import { writeFileSync } from 'node:fs';
import type { RunConfig } from '../core/run/config';
import { toCsv, toKeyedCsv } from '../export/csv';
import { buildRunJson, type ReplicaRecord } from '../export/json';
import { readDataFile } from './assets';
import type { SweptCell } from './experiments';
import { csvRowsOfOutcome, type RunOutcome } from './run';

/** The files the CLI writes, built by src/export as the browser's export buttons build them. */

function write(file: string, text: string, what: string): void {
  writeFileSync(file, text);
  console.log(`wrote ${what} to ${file}`);
}

/** One run's CSV, or several seeds' in one file with a leading `seed` column. */
export function writeRunCsv(file: string, outcomes: readonly RunOutcome[]): void {
  const rows = outcomes.map(csvRowsOfOutcome);
  const count = rows.reduce((n, r) => n + r.length, 0);
  if (outcomes.length === 1) write(file, toCsv(rows[0]), `${count} rows`);
  else write(file, toKeyedCsv('seed', outcomes.map((o, i) => ({ key: o.config.seed, rows: rows[i] }))), `${count} rows of ${outcomes.length} seeds`);
}

/** A sweep's cells in one CSV with a leading `cell` column (the cell's index, row-major). */
export function writeSweepCsv(file: string, cells: readonly SweptCell[]): void {
  const runs = cells.map(({ outcome }, key) => ({ key, rows: csvRowsOfOutcome(outcome) }));
  write(file, toKeyedCsv('cell', runs), `${runs.reduce((n, r) => n + r.rows.length, 0)} rows of ${cells.length} cells`);
}

/** The run JSON: the first outcome is the run, the others its extra seeds (as the browser's band); `backend` is what ran. */
export function writeRunJson(file: string, outcomes: readonly RunOutcome[], backend: string): void {
  const [main, ...extra] = outcomes;
  const replicas: ReplicaRecord[] = extra.map((o) => ({ seed: o.config.seed, done: true, lanes: o.records, statuses: o.statuses }));
  write(file, JSON.stringify(buildRunJson(main.config, main.records, main.statuses, backend, replicas)), 'the run JSON');
}

/** `--pytorch LANE [FILE]`: the browser's script for the lane, with the data it embeds from public/data/. */
export async function writePytorchScript(config: RunConfig, laneArg: string, file: string | null): Promise<void> {
  const lane = Number(laneArg);
  if (!Number.isInteger(lane) || lane < 0 || lane >= config.lanes.length)
    throw new Error(`--pytorch: '${laneArg}' is not a lane of this run (0 … ${config.lanes.length - 1})`);
  // Imported here, not above: the templates are `?raw` imports, which only `npm run zo`'s loader
  // (src/cli/loader) can read; every other option works under a bare `npx tsx src/cli/zo.ts`.
  const { scriptWithAssets } = await import('../export/pytorch/assets').catch((e: unknown) => {
    if (String(e).includes('.py')) throw new Error("--pytorch reads the .py templates as `?raw` imports: run it as `npm run zo -- …`, which loads src/cli/loader");
    throw e;
  });
  const script = await scriptWithAssets(config, lane, readDataFile);
  if (!script.ok) throw new Error(`--pytorch: lane ${lane} cannot be exported: ${script.reason}`);
  write(file ?? script.filename, script.text, `the PyTorch script of lane ${lane}`);
}
