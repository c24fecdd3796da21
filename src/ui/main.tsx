import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDecoded } from './actions';
import { App } from './App';
import { startRateTracking } from './rate';
import { startReplicaSync } from './replicas';
import './styles.css';
import { installTestHooks } from './testHooks';
import { startThemeSync } from './theme';
import { startUrlSync } from './urlSync';

installTestHooks();
startThemeSync();
startRateTracking();
startUrlSync(loadDecoded);
startReplicaSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
