import { memo } from 'react';
import { BackendBadge } from './components/BackendBadge';
import { Controls } from './components/Controls';
import { ErrorAlert } from './components/ErrorAlert';
import { LaneSummary } from './components/LaneSummary';
import { LanesPanel } from './components/LanesPanel';
import { LossChart } from './components/LossChart';
import { Notices } from './components/Notices';
import { RunSettings } from './components/RunSettings';
import { SharePanel } from './components/SharePanel';
import { TaskPanel } from './components/TaskPanel';
import { useStore } from './store';

/** The page layout; memoised so the root's step attributes do not re-render the panels. */
const Layout = memo(function Layout() {
  return (
    <>
      <header className="topbar">
        <h1>
          ZO Playground <span className="subtitle">zeroth-order optimization, live</span>
        </h1>
        <BackendBadge />
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
          <LossChart />
          <section className="panel">
            <h2>Latest</h2>
            <LaneSummary />
          </section>
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
