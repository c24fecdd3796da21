import { LaneLegend } from '../lanes/LaneLegend';
import { ChartToolbar } from './ChartToolbar';
import { LossPlot } from './LossPlot';
import { LossReadout } from './LossReadout';

/** The loss panel: its settings, the lane legend, the chart and the hover readout. */
export function LossChart() {
  return (
    <section className="panel chart-panel" data-export-chart="Loss">
      <div className="chart-head">
        <h2>Loss</h2>
        <p className="hint">A backprop step counts as 3 forward passes (1 forward + 1 backward ≈ 2).</p>
      </div>
      <ChartToolbar />
      <LaneLegend />
      <div className="chart" data-testid="loss-chart">
        <LossPlot />
      </div>
      <LossReadout />
      <p className="hint">
        Thin: train loss on each step&apos;s batch. Dashed: eval loss on the fixed eval set. Dotted with a band: the mean and
        spread over seeds. Vertical lines: live changes. Hover to read values; click a lane above to hide it.
      </p>
    </section>
  );
}
