import type { FitPicture } from '../picture';
import type { PictureBuilder } from '../types';
import { polynomial } from './data';
import { regressionState } from './task';

/** Points of the grid the curves are drawn on. */
const GRID = 101;

/** The data, the true curve and every lane's fit. */
export const regressionPicture: PictureBuilder = async (lanes, step) => {
  const { train, truth } = regressionState.of(lanes[0]);
  const gridX = Float32Array.from({ length: GRID }, (_, i) => -1 + (2 * i) / (GRID - 1));
  const coefs = await Promise.all(lanes.map((lane) => regressionState.of(lane).w.data()));
  const picture: FitPicture = {
    kind: 'fit',
    step,
    x: train.x.slice(0, 500),
    y: train.y.slice(0, 500),
    gridX,
    truth: gridX.map((x) => polynomial(truth, x)),
    fits: coefs.map((c) => gridX.map((x) => polynomial(c, x))),
  };
  return picture;
};
