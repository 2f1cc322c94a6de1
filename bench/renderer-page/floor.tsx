// React's share of the bench's first frame: the same entry chunk, root and transition as the calendar
// page, drawing 42 plain cells instead of the month. Navigation to its 'floor:drawn' mark is what the
// page's code and React cost before any of the month's own work (bench/renderer.bench.ts prints it).
import { startTransition, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

const CELLS = Array.from({ length: 42 }, (_, i) => i + 1);

function Floor() {
  useEffect(() => {
    performance.mark('floor:drawn', { detail: { cells: CELLS.length } });
  }, []);
  return (
    <div role="grid" aria-label="Plain cells">
      {CELLS.map((day) => (
        <div role="gridcell" key={day}>
          {day}
        </div>
      ))}
    </div>
  );
}

export function mountFloor(root: HTMLElement): void {
  const app = createRoot(root);
  startTransition(() => app.render(<Floor />));
}
