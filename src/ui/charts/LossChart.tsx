import { LaneLegend } from '../lanes/LaneLegend';
import { ChartToolbar } from './ChartToolbar';
import { LossPlot } from './LossPlot';
import { LossReadout } from './LossReadout';
import { ReferenceLegend } from './ReferenceLegend';

/** The loss panel: the lane legend, its settings, the chart and the hover readout. */
export function LossChart() {
  return (
    <section className="panel chart-panel" data-export-chart="Loss">
      <div className="chart-head">
        <h2>Loss</h2>
        <LaneLegend />
      </div>
      <ChartToolbar />
      <div className="chart" data-testid="loss-chart">
        <LossPlot />
      </div>
      <ReferenceLegend />
      <LossReadout />
      <details className="chart-help">
        <summary>How to read it</summary>
        <p className="hint">
          Thin: train loss on each step&apos;s batch. Dashed: eval loss on the fixed eval set. Dotted with a band: the mean and
          spread over seeds. Vertical lines: live changes. Hover to read values; click a lane beside the title to hide it in
          every chart. A backprop step counts as 3 forward passes (1 forward + 1 backward ≈ 2).
        </p>
      </details>
    </section>
  );
}
