import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { showStoredTheme } from './features/preferences/preferences';
import { registerServiceWorker } from './features/pwa/serviceWorker';
import './styles.css';

// theme-boot.js put the theme on the page already; this also follows the system live and sets theme-color.
showStoredTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerServiceWorker();
