import { toCsv } from '../core/csv';
import { series } from './series';
import { useStore } from './store';

/** Every recorded row as CSV; the optimizer column is each lane's optimizer id. */
export function buildCsv(): string {
  const lanes = useStore.getState().config.lanes;
  return toCsv(series.csvRows((laneIdx) => lanes[laneIdx]?.optimizer ?? 'unknown'));
}

export function downloadCsv(filename = 'zo-playground.csv'): void {
  const url = URL.createObjectURL(new Blob([buildCsv()], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
