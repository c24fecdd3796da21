import { memo } from 'react';
import { LossChart } from '../charts/LossChart';
import { MetricChart } from '../charts/MetricChart';
import { LaneSummary } from '../lanes/LaneSummary';
import { LanesPanel } from '../lanes/LanesPanel';
import { RefusedBanner } from '../lanes/RefusedBanner';
import { PresetMenu } from '../share/PresetMenu';
import { PresetNote } from '../share/PresetNote';
import { SharePanel } from '../share/SharePanel';
import { useStore } from '../store';
import { TaskPanel } from '../task/TaskPanel';
import { TaskPicture } from '../task/TaskPicture';
import { BackendBadge } from './BackendBadge';
import { ErrorAlert } from './ErrorAlert';
import { Notices } from './Notices';
import { RunControls } from './RunControls';
import { RunSettings } from './RunSettings';
import { SecondaryPanels } from './SecondaryPanels';
import { ThemeToggle } from './ThemeToggle';
import { useKeyboardShortcuts } from './keyboardShortcuts';

/**
 * The page layout: one screen of controls | run bar over [charts | picture, share and export, the
 * latest values] (TensorFlow Playground's habit: at 1280×800 the controls, the loss chart and the
 * picture show without scrolling), then the secondary panels in tabs (SecondaryPanels).
 * Memoised so the root's step attributes do not re-render the panels.
 */
const Layout = memo(function Layout() {
  useKeyboardShortcuts();
  return (
    <>
      <header className="topbar">
        <h1>
          ZO Playground <span className="subtitle">zeroth-order optimization, live</span>
        </h1>
        <div className="topbar-tools">
          <PresetMenu />
          <ThemeToggle />
          <BackendBadge />
        </div>
      </header>
      <Notices />
      <RefusedBanner />
      <ErrorAlert />
      <div className="layout">
        <aside className="sidebar" aria-label="Task, run and lanes">
          <PresetNote />
          <TaskPanel />
          <RunSettings />
          <LanesPanel />
        </aside>
        <main className="main">
          <section className="panel toolbar">
            <RunControls />
          </section>
          <div className="stage">
            <div className="charts">
              <LossChart />
              <MetricChart />
            </div>
            <div className="side">
              <TaskPicture />
              <section className="panel share-panel" aria-label="Share and export">
                <SharePanel />
              </section>
              <section className="panel">
                <h2>Latest</h2>
                <LaneSummary />
              </section>
            </div>
          </div>
        </main>
      </div>
      <SecondaryPanels />
    </>
  );
});

/** The root carries the run state as data attributes for tests to wait on. */
export function App() {
  const step = useStore((s) => s.step);
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  return (
    <div className="app" data-testid="app" data-step={step} data-playing={String(playing)} data-done={String(done)}>
      <Layout />
    </div>
  );
}
