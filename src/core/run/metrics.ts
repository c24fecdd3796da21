/**
 * The metric row: what the runner reports for one lane and one step, as named columns of a
 * row-major Float64Array (the worker transfers these arrays as they are). Every reader (worker
 * protocol, UI series, CLI, exporters, tests) goes through the names below, never through positions.
 */

/** Columns of a metric row, in order; eval and diagnostic columns are NaN on steps without them. */
export const METRIC_COLUMNS = [
  'lane',
  'step',
  /** Forward-pass equivalents so far (a backprop step counts as 3). */
  'forwardPasses',
  /** The lane's own wall time so far, diagnostics excluded. */
  'wallMs',
  'trainLoss',
  'evalLoss',
  'evalMetric',
  /** cos(ĝ, ∇L) on the step's batch (NaN unless the lane has diagnostics on). */
  'gradCos',
  /** ‖ĝ − ∇L‖ / ‖∇L‖ (NaN unless diagnostics are on and the optimizer forms a gradient estimate). */
  'gradRelErr',
  /**
   * The estimator's noise V̂, an unbiased estimate of E_z‖ĝ − E_z ĝ‖² from its own probe slopes
   * (estimators/variance.ts); NaN for lanes that form no two-point estimate of ∇L.
   */
  'varNoise',
  /** Its signal Ŝ, an estimate of ‖∇L‖² from the same slopes: the relative variance is ΣV̂ / ΣŜ. */
  'varSignal',
] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];
export const NUM_METRIC_COLUMNS = METRIC_COLUMNS.length;

/** One decoded metric row. */
export type MetricRow = Record<MetricColumn, number>;

/** Column index by name, derived from METRIC_COLUMNS: `rows[i * NUM_METRIC_COLUMNS + COLUMN.trainLoss]`. */
export const COLUMN: Readonly<Record<MetricColumn, number>> = Object.freeze(
  Object.fromEntries(METRIC_COLUMNS.map((name, i) => [name, i])) as Record<MetricColumn, number>,
);

/** Row `i` of row-major `rows` as a typed object. */
export function decodeRow(rows: ArrayLike<number>, i: number): MetricRow {
  const o = i * NUM_METRIC_COLUMNS;
  const row = {} as MetricRow;
  METRIC_COLUMNS.forEach((name, c) => (row[name] = rows[o + c]));
  return row;
}

/** Every row of a metric batch, decoded. */
export function decodeRows(rows: ArrayLike<number>, numRows: number): MetricRow[] {
  return Array.from({ length: numRows }, (_, i) => decodeRow(rows, i));
}

/** Write `row` as row `i` of `out`; columns it leaves out are NaN. */
export function writeRow(out: Float64Array, i: number, row: Partial<MetricRow>): void {
  const o = i * NUM_METRIC_COLUMNS;
  METRIC_COLUMNS.forEach((name, c) => (out[o + c] = row[name] ?? NaN));
}

/** A metric batch built from rows (tests, and anything that replays recorded rows). */
export function encodeRows(rows: readonly Partial<MetricRow>[]): Float64Array {
  const out = new Float64Array(rows.length * NUM_METRIC_COLUMNS);
  rows.forEach((row, i) => writeRow(out, i, row));
  return out;
}

/** Whether a row carries an evaluation (eval loss or eval metric). */
export const isEvalRow = (row: Pick<MetricRow, 'evalLoss' | 'evalMetric'>): boolean =>
  !Number.isNaN(row.evalLoss) || !Number.isNaN(row.evalMetric);

export type LaneStatus = 'ready' | 'running' | 'done' | 'diverged' | 'failed';

/** A lane's status as the runner reports it (worker `laneStatus` events, sweep cells, the CLI). */
export interface LaneStatusInfo {
  lane: number;
  status: LaneStatus;
  /** Step at which the lane diverged, and the loss it had. */
  divergedAt?: number;
  divergedValue?: number;
  /** Why a failed lane stopped (e.g. CMA-ES refusing too many parameters). */
  message?: string;
}

/** Bytes one lane holds and allocates (tfjs tensor bytes on any backend: float32 = 4 bytes a number). */
export interface LaneMemory {
  lane: number;
  /** The lane's weights (its task instance's parameters). */
  weightBytes: number;
  /** The optimizer's persistent state: moments, momentum, population… (0 for MeZO-style ZO-SGD). */
  stateBytes: number;
  /** Peak bytes allocated above the resting level during a step (probes, gradients, temporaries). */
  peakStepBytes: number;
}

/** Total resident bytes of a lane during its step, as MeZO counts memory: weights + optimizer state + the step's peak. */
export const residentBytes = (m: Omit<LaneMemory, 'lane'>): number => m.weightBytes + m.stateBytes + m.peakStepBytes;
