/**
 * Task pictures as plain data (typed arrays), computed in the worker and drawn by the UI.
 * Pure types: imported by core, the worker protocol and the UI alike.
 *
 * Every picture is a discriminated union member on `kind`; `step` is the run step it shows.
 * Per-lane arrays are in lane order. Each task family builds its own (`<family>/picture.ts`,
 * registered in `TASK_PICTURES`); the UI draws each kind.
 */

export interface PictureBase {
  kind: string;
  step: number;
}

/** A rectangle of the plane: [xMin, xMax, yMin, yMax]. */
export type Bounds = [number, number, number, number];

/**
 * A 2-D test function: its log-scaled heat map, the minima, every lane's path and the points the
 * lane's optimizer evaluated during its latest step (perturbation probes or population samples).
 */
export interface LandscapePicture extends PictureBase {
  kind: 'landscape';
  bounds: Bounds;
  /** Grid side n; `heat` is [n × n] row-major, row 0 at yMin, holding log10(1 + f − fMin). */
  gridSize: number;
  heat: Float32Array;
  /** Global minima, [k × 2]. */
  minima: Float32Array;
  start: [number, number];
  /** Per lane: positions at the start of recorded steps, then the current one, [points × 2]. */
  paths: Float32Array[];
  /** Per lane: where the loss was evaluated during the latest step, [probes × 2]. */
  probes: Float32Array[];
}

/**
 * The d-dimensional quadratic: loss left in each band of eigen-directions, relative to the start.
 * Bands are contiguous index ranges (λ is log-spaced in the index), at most 32 of them.
 */
export interface SpectrumPicture extends PictureBase {
  kind: 'spectrum';
  /** Geometric-mean eigenvalue of each band, [bands]. */
  lambda: Float32Array;
  /** Per lane: Σ_band λθ² now / Σ_band λθ₀², [bands]. */
  remaining: Float32Array[];
}

/** 1-D regression: the data, the true curve and every lane's fit on a grid of x. */
export interface FitPicture extends PictureBase {
  kind: 'fit';
  /** Training points, [n] each. */
  x: Float32Array;
  y: Float32Array;
  /** Grid of x for the curves, [m]. */
  gridX: Float32Array;
  truth: Float32Array;
  /** Per lane: prediction on gridX, [m]. */
  fits: Float32Array[];
}

/** 2-D classification: every lane's P(class 1) on a grid, with the evaluation points. */
export interface BoundaryPicture extends PictureBase {
  kind: 'boundary';
  bounds: Bounds;
  gridSize: number;
  /** Per lane: P(class 1), [n × n] row-major, row 0 at yMin. */
  probability: Float32Array[];
  /** Points [p × 2] and their labels (0 or 1). */
  points: Float32Array;
  labels: Uint8Array;
}

/** Digit recognition: sample test digits with each lane's guesses, and confusion matrices. */
export interface DigitsPicture extends PictureBase {
  kind: 'digits';
  /** Image side (pixels) and the shown digits, [k × side²] grey levels 0…255. */
  side: number;
  images: Uint8Array;
  labels: Uint8Array;
  /** Per lane: predicted class of each shown digit, [k]. */
  predictions: Uint8Array[];
  /** Per lane: counts over the whole test set, [10 × 10], row = true class, column = predicted. */
  confusion: Uint32Array[];
}

/** Sentence classification: example sentences with each lane's P(positive) and accuracy. */
export interface SentencesPicture extends PictureBase {
  kind: 'sentences';
  /** Class names, e.g. ['negative', 'positive']. */
  classes: string[];
  sentences: string[];
  labels: Uint8Array;
  /** Per lane: P(class 1) of each sentence, [k]. */
  positive: Float32Array[];
  /** Per lane: accuracy on the whole evaluation set. */
  accuracy: Float32Array;
  /** Words whose polarity the task flipped (fine-tuning's domain shift); empty otherwise. */
  shifted: string[];
}

/** Character-level language model: a live sample per lane and per-character loss on a fixed text. */
export interface TextPicture extends PictureBase {
  kind: 'text';
  /** Per lane: generated text (same prompt and random stream in every lane). */
  samples: string[];
  prompt: string;
  /** A fixed evaluation text, and per lane −ln p(char | context) of each of its characters. */
  reference: string;
  charLoss: Float32Array[];
}

/**
 * Names from a tiny GPT (makemore): new names per lane, the loss on each letter of held-out names,
 * and one attention head's weights over a fixed prompt.
 */
export interface NamesPicture extends PictureBase {
  kind: 'names';
  /** Per lane: new names (the same random stream in every lane). */
  samples: string[][];
  /** Per lane: 1 where that sample is a name of the training set, [samples]. */
  inTraining: Uint8Array[];
  /** Fixed held-out names; per lane −ln p of each letter and then of the end, all names concatenated [Σ (length + 1)]. */
  heldOut: string[];
  charLoss: Float32Array[];
  /** The prompt of the attention map, boundary first (e.g. '.emma'): layer 0, head 0. */
  attentionPrompt: string;
  /** Prefix slots before the prompt's keys (prefix tuning), 0 otherwise. */
  prefixSlots: number;
  /** Per lane: attention weights [T × (prefixSlots + T)], row = query position, T = prompt length. */
  attention: Float32Array[];
}

/** Image generation: test digits, every lane's reconstructions, and samples from its decoder. */
export interface ImagesPicture extends PictureBase {
  kind: 'images';
  side: number;
  /** [k × side²] in [0, 1]. */
  originals: Float32Array;
  /** Per lane: [k × side²] in [0, 1]. */
  reconstructions: Float32Array[];
  /** Per lane: [s × side²] in [0, 1], decoded from the same latent draws in every lane. */
  samples: Float32Array[];
}

/**
 * A GAN: real test digits, every lane's generated digits from the same fixed codes, and the
 * discriminator's side of the game (the loss chart shows the generator's).
 */
export interface GanPicture extends PictureBase {
  kind: 'gan';
  side: number;
  /** [k × side²] in [0, 1]. */
  real: Float32Array;
  /** Per lane: G(z) for the same s fixed codes in every lane, [s × side²] in [0, 1]. */
  samples: Float32Array[];
  /** Steps at which D's evaluation loss was recorded (the same in every lane), [m]. */
  historySteps: Float32Array;
  /** Per lane: D's loss on the test digits and the fixed codes' fakes at those steps, [m]. */
  dLoss: Float32Array[];
  /** Per lane now: mean D(x) on the test digits and mean D(G(z)) on the fixed codes. */
  realScore: Float32Array;
  fakeScore: Float32Array;
}

export type TaskPicture =
  | LandscapePicture
  | SpectrumPicture
  | FitPicture
  | BoundaryPicture
  | DigitsPicture
  | SentencesPicture
  | TextPicture
  | NamesPicture
  | ImagesPicture
  | GanPicture;

export type TaskPictureKind = TaskPicture['kind'];

/** Every typed array inside a picture, for zero-copy transfer to the UI. */
export function pictureBuffers(picture: TaskPicture): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (x: unknown) => {
    if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
    else if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') Object.values(x).forEach(visit);
  };
  visit(picture);
  return [...out];
}
