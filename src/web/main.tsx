// First: the chosen theme and text size go on <html> before anything renders.
import './appearance/start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './offline/register';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Unclench: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Works offline and can be installed: the app shell, kept reads and reminders (src/web/public/sw.js).
registerServiceWorker();
