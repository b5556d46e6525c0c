import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { Root } from './Root';
import { startEarlyRequests } from './early-requests';

// The map page's reference data is asked for at once (see early-requests.ts).
if (window.location.pathname === '/') startEarlyRequests();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
