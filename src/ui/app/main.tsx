import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReplicaSync } from '../charts/seedReplicas';
import { startUrlSync } from '../share/urlSync';
import { installTestHooks } from './testHooks';
import { App } from './App';
import { loadDecoded } from './runActions';
import { startRateTracking } from './stepRate';
import './styles.css';
import { startThemeSync } from './themeSync';

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
