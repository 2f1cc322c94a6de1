// "Export…" for a toolbar: opens the export dialog it owns.
import { lazy, Suspense, useState } from 'react';
import '../load/load.css';

// Loaded on first use: the dialog carries the export channel's limits (and with them the contract's schemas).
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
