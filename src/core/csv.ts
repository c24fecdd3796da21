/** The run's metrics as CSV: the same columns from the browser's "Export CSV" and the CLI. */

export const CSV_HEADER = 'lane,optimizer,step,forward_passes,wall_ms,train_loss,eval_loss';

export interface CsvRow {
  lane: number;
  optimizer: string;
  step: number;
  forwardPasses: number;
  wallMs: number;
  trainLoss: number;
  /** NaN on steps without evaluation. */
  evalLoss: number;
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
  ].join(',');
}

/** Rows sorted by step then lane, so two runs of one config give byte-comparable files. */
export function toCsv(rows: CsvRow[]): string {
  const sorted = [...rows].sort((a, b) => a.step - b.step || a.lane - b.lane);
  return [CSV_HEADER, ...sorted.map(csvLine)].join('\n') + '\n';
}

/** Parse a CSV written by `toCsv` (for tests and for comparing runs). */
export function parseCsv(text: string): CsvRow[] {
  const lines = text.trim().split('\n');
  if (lines[0] !== CSV_HEADER) throw new Error('Not a ZO Playground CSV: unexpected header');
  return lines.slice(1).map((line) => {
    const [lane, optimizer, step, fp, wall, train, evalLoss] = line.split(',');
    return {
      lane: Number(lane),
      optimizer,
      step: Number(step),
      forwardPasses: Number(fp),
      wallMs: Number(wall),
      trainLoss: Number(train),
      evalLoss: evalLoss === '' ? NaN : Number(evalLoss),
    };
  });
}
