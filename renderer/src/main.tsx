// The page's entry: pick the transport once, then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApi } from './api/pick-api.ts';
import { ApiContext } from './api/api-context.tsx';
import { App } from './App.tsx';
import { printRequestOf } from './print-mode.ts';
import './styles.css';

const print = printRequestOf(window.location.href);
const api = pickApi();
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App print={print} />
    </ApiContext.Provider>
  </StrictMode>,
);
