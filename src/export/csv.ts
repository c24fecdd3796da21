import type { LaneRecord } from '../core/run/record';

/**
 * The run's metrics as CSV: the same columns from the browser's "Export CSV" and the CLI. Several
 * runs in one file (the CLI's `--sweep` and `--seeds`) get a leading column naming the run.
 * `eval_metric` is the task's metric (accuracy, perplexity…, named in the JSON export and the task's
 * spec); it came after the first files were written, so it is last and older readers can drop it.
 */

export const CSV_HEADER = 'lane,optimizer,step,forward_passes,wall_ms,train_loss,eval_loss,eval_metric';

export interface CsvRow {
  lane: number;
  optimizer: string;
  step: number;
  forwardPasses: number;
  /**
   * The lane's own compute time up to this step, in ms: the sum of its steps' times, not the
   * wall clock (the lanes of a run take turns in one worker, so their clocks add up to the page's).
   */
  wallMs: number;
  trainLoss: number;
  /** NaN on steps without evaluation. */
  evalLoss: number;
  /** The task's metric on the eval set: NaN on steps without evaluation and on tasks without a metric. */
  evalMetric: number;
}

/** Losses are float32 values read back from tfjs; String() prints them exactly and stably. */
function lossText(x: number): string {
  return Number.isNaN(x) ? 'NaN' : String(x);
}

export function csvLine(r: CsvRow): string {
  return [
    r.lane,
    r.optimizer,
    r.step,
    r.forwardPasses,
    r.wallMs.toFixed(3),
    lossText(r.trainLoss),
    Number.isNaN(r.evalLoss) ? '' : lossText(r.evalLoss),
    Number.isNaN(r.evalMetric) ? '' : lossText(r.evalMetric),
  ].join(',');
}

/** Rows sorted by step then lane, so two runs of one config give byte-comparable files. */
export function toCsv(rows: CsvRow[]): string {
  const sorted = [...rows].sort((a, b) => a.step - b.step || a.lane - b.lane);
  return [CSV_HEADER, ...sorted.map(csvLine)].join('\n') + '\n';
}

/** Every recorded row of a run's lanes; `optimizerOf` names each lane's optimizer id. */
export function csvRowsOf(lanes: readonly LaneRecord[], optimizerOf: (laneIdx: number) => string): CsvRow[] {
  const out: CsvRow[] = [];
  lanes.forEach((s, lane) => {
    const optimizer = optimizerOf(lane);
    let e = 0;
    for (let i = 0; i < s.step.length; i++) {
      const evaluated = e < s.evalRow.length && s.evalRow[e] === i;
      out.push({
        lane,
        optimizer,
        step: s.step[i],
        forwardPasses: s.forwardPasses[i],
        wallMs: s.wallMs[i],
        trainLoss: s.trainLoss[i],
        evalLoss: evaluated ? s.evalLoss[e] : NaN,
        evalMetric: evaluated ? s.evalMetric[e] : NaN,
      });
      if (evaluated) e++;
    }
  });
  return out;
}

/** One run among several in a file: `key` fills the leading column (a sweep cell's index, a seed). */
export interface CsvRun {
  key: number;
  rows: CsvRow[];
}

/** Several runs in one file: a leading `column` (e.g. `cell`, `seed`), each run sorted as by `toCsv`. */
export function toKeyedCsv(column: string, runs: readonly CsvRun[]): string {
  const lines = runs.flatMap(({ key, rows }) => toCsv(rows).trimEnd().split('\n').slice(1).map((line) => `${key},${line}`));
  return [`${column},${CSV_HEADER}`, ...lines].join('\n') + '\n';
}

/** Parse a CSV written by `toKeyedCsv` into its runs, in file order. */
export function parseKeyedCsv(text: string, column: string): CsvRun[] {
  const [header, ...lines] = text.trim().split('\n');
  if (header !== `${column},${CSV_HEADER}`) throw new Error(`Not a ZO Playground CSV with a leading '${column}' column`);
  const runs = new Map<number, string[]>();
  for (const line of lines) {
    const comma = line.indexOf(',');
    const key = Number(line.slice(0, comma));
    if (!runs.has(key)) runs.set(key, []);
    runs.get(key)!.push(line.slice(comma + 1));
  }
  return [...runs].map(([key, body]) => ({ key, rows: parseCsv([CSV_HEADER, ...body].join('\n')) }));
}

/** Parse a CSV written by `toCsv` (for tests and for comparing runs). */
export function parseCsv(text: string): CsvRow[] {
  const lines = text.trim().split('\n');
  if (lines[0] !== CSV_HEADER) throw new Error('Not a ZO Playground CSV: unexpected header');
  return lines.slice(1).map((line) => {
    const [lane, optimizer, step, fp, wall, train, evalLoss, evalMetric] = line.split(',');
    return {
      lane: Number(lane),
      optimizer,
      step: Number(step),
      forwardPasses: Number(fp),
      wallMs: Number(wall),
      trainLoss: Number(train),
      evalLoss: evalLoss === '' ? NaN : Number(evalLoss),
      evalMetric: evalMetric === '' ? NaN : Number(evalMetric),
    };
  });
}
