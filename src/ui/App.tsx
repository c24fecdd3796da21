import { memo } from 'react';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { DiagnosticsPanel } from './components/DiagnosticsPanel';
import { ErrorAlert } from './components/ErrorAlert';
import { LaneSummary } from './components/LaneSummary';
import { LanesPanel } from './components/LanesPanel';
import { LossChart } from './components/LossChart';
import { MemoryPanel } from './components/MemoryPanel';
import { Notices } from './components/Notices';
import { PresetMenu } from './components/PresetMenu';
import { PresetNote } from './components/PresetNote';
import { RunSettings } from './components/RunSettings';
import { SharePanel } from './components/SharePanel';
import { SpeedChart } from './components/SpeedChart';
import { SweepPanel } from './components/SweepPanel';
import { TaskPanel } from './components/TaskPanel';
import { ThemeToggle } from './components/ThemeToggle';
import { useKeyboardShortcuts } from './keyboard';
import { TaskPicture } from './pictures/TaskPicture';
import { useStore } from './store';

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
      <ErrorAlert />
      <div className="layout">
        <aside className="sidebar">
          <TaskPanel />
          <RunSettings />
          <LanesPanel />
        </aside>
        <main className="main">
          <section className="panel toolbar">
            <Controls />
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
