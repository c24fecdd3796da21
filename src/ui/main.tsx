import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDecoded } from './actions';
import { App } from './App';
import './styles.css';
import { installTestHooks } from './testHooks';
import { startUrlSync } from './urlSync';

installTestHooks();
startUrlSync(loadDecoded);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
