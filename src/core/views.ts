/**
 * Task pictures as plain data (typed arrays), computed in the worker and drawn by the UI.
 * Pure types: imported by core, the worker protocol and the UI alike.
 *
 * Every view is a discriminated union member on `kind`; `step` is the run step it shows.
 * Task implementations build them (`src/core/tasks/views.ts`); the UI draws each kind.
 */

export interface ViewBase {
  kind: string;
  step: number;
}

/** Placeholder until tasks define pictures: a list of per-lane numbers. */
export interface ScalarsView extends ViewBase {
  kind: 'scalars';
  values: Float32Array;
}

export type TaskView = ScalarsView;

/** Every typed array inside a view, for zero-copy transfer to the UI. */
export function viewBuffers(view: TaskView): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (x: unknown) => {
    if (ArrayBuffer.isView(x)) out.add(x.buffer as ArrayBuffer);
    else if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') Object.values(x).forEach(visit);
  };
  visit(view);
  return [...out];
}
