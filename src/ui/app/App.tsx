import { memo } from 'react';
import { DiagnosticsPanel } from '../charts/DiagnosticsPanel';
import { LossChart } from '../charts/LossChart';
import { MemoryPanel } from '../charts/MemoryPanel';
import { SpeedChart } from '../charts/SpeedChart';
import { VariancePanel } from '../charts/VariancePanel';
import { LaneSummary } from '../lanes/LaneSummary';
import { LanesPanel } from '../lanes/LanesPanel';
import { RefusedBanner } from '../lanes/RefusedBanner';
import { PresetMenu } from '../share/PresetMenu';
import { PresetNote } from '../share/PresetNote';
import { SharePanel } from '../share/SharePanel';
import { useStore } from '../store';
import { SweepPanel } from '../sweep/SweepPanel';
import { TaskPanel } from '../task/TaskPanel';
import { TaskPicture } from '../task/TaskPicture';
import { BackendBadge } from './BackendBadge';
import { ErrorAlert } from './ErrorAlert';
import { Notices } from './Notices';
import { RunControls } from './RunControls';
import { RunSettings } from './RunSettings';
import { ThemeToggle } from './ThemeToggle';
import { useKeyboardShortcuts } from './keyboardShortcuts';

/** The page layout; memoised so the root's step attributes do not re-render the panels. */
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
        <aside className="sidebar">
          <TaskPanel />
          <RunSettings />
          <LanesPanel />
        </aside>
        <main className="main">
          <section className="panel toolbar">
            <RunControls />
            <SharePanel />
          </section>
          <PresetNote />
          <LossChart />
          <TaskPicture />
          <SpeedChart />
          <div className="panel-pair">
            <section className="panel">
              <h2>Latest</h2>
              <LaneSummary />
            </section>
            <MemoryPanel />
          </div>
          <DiagnosticsPanel />
          <VariancePanel />
          <SweepPanel />
        </main>
      </div>
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
