import * as tf from '@tensorflow/tfjs';

/** Steps kept on the device between two pictures (older ones are dropped from the path). */
const RING = 1024;
/** Loss evaluations kept per step (an ES population larger than this wraps around). */
const PROBES = 64;
/** The path drawn is thinned to at most this many points. */
const MAX_PATH = 4000;

/**
 * Records where a small parameter vector goes, without reading it back inside a step: each step's
 * start position and each loss evaluation's position are written into device-side rings (one
 * scatter each), and `read()` fetches them asynchronously when a picture is built. Tensor count is
 * constant: the rings are variables updated with `assign`.
 */
export class PathRecorder {
  private readonly ring: tf.Variable; // [RING, dim]
  private readonly probeRing: tf.Variable; // [PROBES, dim]
  private written = 0;
  private read_ = 0;
  private probeCount = 0;
  private path: number[] = [];

  constructor(
    private readonly theta: tf.Variable, // [dim]
    private readonly dim = theta.size,
  ) {
    this.ring = tf.tidy(() => tf.variable(tf.zeros([RING, dim]), false));
    this.probeRing = tf.tidy(() => tf.variable(tf.zeros([PROBES, dim]), false));
  }

  private static write(target: tf.Variable, row: number, theta: tf.Tensor): void {
    const next = tf.tidy(() =>
      tf.tensorScatterUpdate(target, tf.tensor2d([[row]], [1, 1], 'int32'), tf.reshape(theta, [1, -1])),
    );
    target.assign(next);
    next.dispose();
  }

  /** A step starts (call from `batch(step)`): record the current position, forget last step's probes. */
  step(): void {
    PathRecorder.write(this.ring, this.written % RING, this.theta);
    this.written++;
    this.probeCount = 0;
  }

  /** The loss is being evaluated at the current position (call from `loss`). */
  probe(): void {
    PathRecorder.write(this.probeRing, this.probeCount % PROBES, this.theta);
    this.probeCount++;
  }

  /** The path so far plus the current position, and the latest step's probes, both [points × dim]. */
  async read(): Promise<{ path: Float32Array; probes: Float32Array }> {
    const [ring, probes, now] = await Promise.all([this.ring.data(), this.probeRing.data(), this.theta.data()]);
    const first = Math.max(this.read_, this.written - RING);
    for (let i = first; i < this.written; i++) {
      const row = i % RING;
      for (let k = 0; k < this.dim; k++) this.path.push(ring[row * this.dim + k]);
    }
    this.read_ = this.written;
    if (this.path.length / this.dim > MAX_PATH) this.path = this.path.filter((_, j) => Math.floor(j / this.dim) % 2 === 0);
    const path = new Float32Array(this.path.length + this.dim);
    path.set(this.path);
    path.set(now.subarray(0, this.dim), this.path.length);
    const numProbes = Math.min(this.probeCount, PROBES);
    return { path, probes: Float32Array.from(probes.subarray(0, numProbes * this.dim)) };
  }

  dispose(): void {
    this.ring.dispose();
    this.probeRing.dispose();
  }
}
