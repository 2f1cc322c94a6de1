import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';

// The entry chunk is fetched, parsed and evaluated by now: the bench reads this and 'app:mounted'.
performance.mark('app:script-start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
// A transition: React renders the first screen in slices with the browser free between them,
// instead of one task as long as the whole first render (docs/architecture.md, "Renderer boot").
const app = createRoot(root);
startTransition(() =>
  app.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
