import { toCsv } from '../core/csv';
import { downloadText } from './download';
import { buildRunJson } from './exporters';
import { replicas } from './replicas';
import { series } from './series';
import { useStore } from './store';

/** Every recorded row as CSV; the optimizer column is each lane's optimizer id. */
export function buildCsv(): string {
  const lanes = useStore.getState().config.lanes;
  return toCsv(series.csvRows((laneIdx) => lanes[laneIdx]?.optimizer ?? 'unknown'));
}

export function downloadCsv(filename = 'zo-playground.csv'): void {
  downloadText(buildCsv(), filename, 'text/csv');
}

/** The run as JSON: config and every metric, with the extra seeds' (see exporters.ts). */
export function buildJson(): string {
  const s = useStore.getState();
  return JSON.stringify(buildRunJson(s.config, series.run(), s.laneStatuses, s.backend?.name ?? null, replicas.runs()));
}

export function downloadJson(filename = 'zo-playground.json'): void {
  downloadText(buildJson(), filename, 'application/json');
}
