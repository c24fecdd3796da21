import { Suspense, lazy, useId, useState, type ComponentType, type KeyboardEvent } from 'react';

/**
 * The panels below the main screen (controls, charts, picture), one tab each. Adding a panel is one
 * line here. Every panel stays mounted, hidden when its tab is not chosen, so a form keeps what was
 * typed into it and a chart keeps its history. Each panel is its own chunk (React.lazy), fetched when the
 * tabs first render: the main script holds only what the first screen needs.
 */
const PANELS: readonly { id: string; label: string; Panel: ComponentType }[] = [
  { id: 'speed', label: 'Speed', Panel: lazy(() => import('../charts/SpeedChart').then((m) => ({ default: m.SpeedChart }))) },
  { id: 'memory', label: 'Memory', Panel: lazy(() => import('../charts/MemoryPanel').then((m) => ({ default: m.MemoryPanel }))) },
  { id: 'diagnostics', label: 'Gradient diagnostics', Panel: lazy(() => import('../charts/DiagnosticsPanel').then((m) => ({ default: m.DiagnosticsPanel }))) },
  { id: 'variance', label: 'Variance', Panel: lazy(() => import('../charts/VariancePanel').then((m) => ({ default: m.VariancePanel }))) },
  { id: 'sweep', label: 'Sweep', Panel: lazy(() => import('../sweep/SweepPanel').then((m) => ({ default: m.SweepPanel }))) },
];

/** A tab list (WAI-ARIA tabs: arrow keys, Home and End move between tabs) over the secondary panels. */
export function SecondaryPanels() {
  const id = useId();
  const [active, setActive] = useState(PANELS[0].id);
  const tabId = (panelId: string) => `${id}-tab-${panelId}`;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = PANELS.findIndex((p) => p.id === active);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: PANELS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = PANELS[(to + PANELS.length) % PANELS.length].id;
    setActive(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="secondary" data-testid="secondary-panels">
      <div className="tabs" role="tablist" aria-label="More panels" onKeyDown={onKeyDown}>
        {PANELS.map((p) => (
          <button
            key={p.id}
            id={tabId(p.id)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={p.id === active}
            aria-controls={`${id}-panel-${p.id}`}
            tabIndex={p.id === active ? 0 : -1}
            onClick={() => setActive(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {PANELS.map(({ id: panelId, Panel }) => (
        <div key={panelId} id={`${id}-panel-${panelId}`} role="tabpanel" aria-labelledby={tabId(panelId)} hidden={panelId !== active}>
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <Panel />
          </Suspense>
        </div>
      ))}
    </div>
  );
}
