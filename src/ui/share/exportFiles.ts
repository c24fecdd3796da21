import { toCsv } from '../../export/csv';
import { buildRunJson } from '../../export/json';
import { downloadText } from './download';
import { exportName } from './exportName';
import { replicas } from '../charts/seedReplicas';
import { series } from '../charts/series';
import { useStore } from '../store';

/** The export buttons: the current run's files, built by src/export, downloaded by the browser. */

/**
 * Every recorded row as CSV; the optimizer column is each lane's optimizer id. `wall_ms` is the
 * lane's own compute time, summed over its steps (lanes take turns, so it is not the page's clock).
 */
export function buildCsv(): string {
  const lanes = useStore.getState().config.lanes;
  return toCsv(series.csvRows((laneIdx) => lanes[laneIdx]?.optimizer ?? 'unknown'));
}

export function downloadCsv(filename = exportName(useStore.getState().config, 'csv')): void {
  downloadText(buildCsv(), filename, 'text/csv');
}

/** The run as JSON: config and every metric, with the extra seeds' (see src/export/json.ts). */
export function buildJson(): string {
  const s = useStore.getState();
  return JSON.stringify(buildRunJson(s.config, series.run().records(), s.laneStatuses, s.backend?.name ?? null, replicas.runs()));
}

export function downloadJson(filename = exportName(useStore.getState().config, 'json')): void {
  downloadText(buildJson(), filename, 'application/json');
}
