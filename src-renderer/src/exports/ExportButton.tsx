// "Export…" for a toolbar: opens the export dialog it owns.
import { useState } from 'react';
import { ExportDialog } from './ExportDialog';
import '../load/load.css';

export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
