import { optimizerSpec } from '../../core/optimizers/specs';

/** A lane's colour and name, the same in every chart, picture, table and export. */
export const LANE_COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d'];
export const laneColour = (laneIdx: number) => LANE_COLOURS[laneIdx % LANE_COLOURS.length];

export function laneLabel(laneIdx: number, optimizerId: string): string {
  return `${laneIdx + 1} · ${optimizerSpec(optimizerId)?.label ?? optimizerId}`;
}
