import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createWorkerAnalyzer } from '../worker/client';
import './styles.css';

// Start the engine worker at once: the language model loads while the user reads the page.
const analyzer = createWorkerAnalyzer();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <App analyzer={analyzer} />
  </StrictMode>,
);
