/**
 * The task metrics, by the name a task spec gives (`TaskSpec.metric`): which way is better, and, for
 * a metric that is a function of the loss, that function, so a train metric costs nothing (the
 * runner evaluates the metric on the eval set only).
 */
export interface MetricInfo {
  higherIsBetter: boolean;
  /** The metric of a loss value, when the metric is one (perplexity = e^cross-entropy); else null. */
  ofLoss: ((loss: number) => number) | null;
  /** Whether the metric spans decades (a log axis reads it best). */
  logScale: boolean;
  /** The values it can take, when bounded on both sides (the chart's y axis then spans them). */
  range: readonly [number, number] | null;
}

export const METRICS = {
  accuracy: { higherIsBetter: true, ofLoss: null, logScale: false, range: [0, 1] },
  /** e^(cross-entropy in nats). */
  perplexity: { higherIsBetter: false, ofLoss: Math.exp, logScale: true, range: null },
  /** 1 − SSE/SST on the eval set. */
  'R²': { higherIsBetter: true, ofLoss: null, logScale: false, range: null },
  /** −10·log10(MSE) for pixels in [0, 1]. */
  'PSNR (dB)': { higherIsBetter: true, ofLoss: (mse: number) => (-10 * Math.log(mse)) / Math.LN10, logScale: false, range: null },
  /**
   * The discriminator's loss on real test digits and generated samples from fixed codes (digits-gan):
   * ln 4 when it cannot tell them apart, near 0 when it wins, so higher is better for the generator.
   */
  'D loss': { higherIsBetter: true, ofLoss: null, logScale: false, range: null },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRICS;

export const metricInfo = (name: MetricName): MetricInfo => METRICS[name];
