import { Fragment } from 'react';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import type { SweepCell } from '../../core/run/experiments';
import { lossColour } from './lossColour';
import { SweepScale } from './SweepScale';
import { openCell } from './sweepRunner';

function cellText(c: SweepCell): string {
  if (c.status === 'done') return formatNumber(c.finalLoss);
  if (c.status === 'diverged') return `✕ @ ${c.divergedAt ?? '?'}`;
  if (c.status === 'running') return '…';
  if (c.status === 'cancelled') return 'cancelled';
  if (c.status === 'failed') return 'error';
  return '';
}

interface CellProps {
  cell: SweepCell;
  index: number;
  label: string;
  scale: [number, number];
  current: boolean;
}

function HeatCell({ cell: c, index, label, scale, current }: CellProps) {
  const finished = c.status === 'done' || c.status === 'diverged';
  const style = c.status === 'done' && Number.isFinite(c.finalLoss) ? lossColour(c.finalLoss, ...scale) : undefined;
  return (
    <button
      type="button"
      className={`heat-cell status-${c.status}`}
      style={style}
      disabled={!finished}
      aria-current={current ? 'true' : undefined}
      aria-label={`${label}: ${c.status === 'done' ? `final loss ${formatNumber(c.finalLoss)}` : c.status}. Open this run.`}
      title={c.message ?? 'Open this run'}
      data-testid={`sweep-cell-${c.row}-${c.col}`}
      data-status={c.status}
      data-final-loss={String(c.finalLoss)}
      onClick={() => openCell(index)}
    >
      {cellText(c)}
    </button>
  );
}

/** Final loss per cell (rows: first axis, columns: second); click a finished cell to open its run. */
export function SweepHeatmap({ rowName, colName }: { rowName: string; colName: string | null }) {
  const cells = useStore((s) => s.sweepCells);
  const config = useStore((s) => s.config);
  if (cells.length === 0) return null;
  const numCols = Math.max(...cells.map((c) => c.col)) + 1;
  const colValues = Array.from({ length: numCols }, (_, k) => cells.find((c) => c.col === k)?.colValue ?? null);
  const done = cells.filter((c) => c.status === 'done' && Number.isFinite(c.finalLoss)).map((c) => c.finalLoss);
  const scale: [number, number] = [Math.min(...done), Math.max(...done)];
  const current = JSON.stringify(config);
  const labelOf = (c: SweepCell) =>
    `${rowName} ${formatNumber(c.rowValue)}${colName && c.colValue !== null ? `, ${colName} ${formatNumber(c.colValue)}` : ''}`;

  return (
    <>
      <div className="heatmap" style={{ gridTemplateColumns: `auto repeat(${numCols}, minmax(64px, 1fr))` }} data-testid="sweep-heatmap">
        <span className="heat-corner">
          {rowName} ↓ {colName ? `${colName} →` : ''}
        </span>
        {colValues.map((v, k) => (
          <span key={k} className="heat-col">
            {v === null ? 'final loss' : formatNumber(v)}
          </span>
        ))}
        {cells.map((c, index) => (
          <Fragment key={index}>
            {c.col === 0 && <span className="heat-row">{formatNumber(c.rowValue)}</span>}
            <HeatCell cell={c} index={index} label={labelOf(c)} scale={scale} current={JSON.stringify(c.config) === current} />
          </Fragment>
        ))}
      </div>
      {done.length > 0 && <SweepScale lo={scale[0]} hi={scale[1]} />}
    </>
  );
}
