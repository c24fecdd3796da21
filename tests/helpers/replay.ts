import { decodeConfig } from '../../src/core/run/codec';
import { decodeRows, type MetricRow } from '../../src/core/run/metrics';
import { recordRows } from '../../src/core/run/record';
import { Runner } from '../../src/core/run/runner';
import { csvRowsOf, toCsv } from '../../src/export/csv';

/**
 * The CSV a share link's run writes (wall time zeroed: it is the one column a replay may change),
 * decoded and run from scratch: replaying a link twice must give the same file byte for byte.
 */
export async function csvOfLink(link: string): Promise<string> {
  const { config, notices } = decodeConfig(link);
  if (notices.length > 0) throw new Error(`link notices: ${notices.join(' ')}`);
  const runner = new Runner(config);
  const rows: MetricRow[] = [];
  while (!runner.done) {
    const c = await runner.runChunk(16);
    rows.push(...decodeRows(c.rows, c.numRows));
  }
  runner.dispose();
  const lanes = recordRows(rows.map((r) => ({ ...r, wallMs: 0 })), config.lanes.length);
  return toCsv(csvRowsOf(lanes, (i) => config.lanes[i].optimizer));
}
