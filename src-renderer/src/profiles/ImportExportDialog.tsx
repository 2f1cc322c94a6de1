// Import and export profiles as JSON. Exports never hold secrets: main leaves them out.
import { useState } from 'react';
import type { ImportResult } from '@shared/ipc';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { call, messageOf } from '../api-client';

export function ImportExportDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const loadApp = useAppStore((s) => s.loadApp);
  const profileCount = useAppStore((s) => s.profiles.length);
  const [exported, setExported] = useState<{ json: string; count: number } | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const doExport = async () => {
    setError(null);
    try {
      setExported(await call('profiles:export', {}));
    } catch (e) {
      setError(`Export failed: ${messageOf(e)}`);
    }
  };
  const doImport = async () => {
    setError(null);
    setResult(null);
    try {
      setResult(await call('profiles:import', { json: text }));
      await loadApp();
    } catch (e) {
      setError(`Import failed: ${messageOf(e)}`);
    }
  };
  const download = exported ? URL.createObjectURL(new Blob([exported.json], { type: 'application/json' })) : null;

  return (
    <Modal title="Import and export profiles" wide onClose={close}>
      <section className="io-section">
        <h3>Export</h3>
        <p className="muted">Profiles as JSON, without passwords or tokens. Whoever imports them enters their own secrets.</p>
        <button type="button" className="button" onClick={() => void doExport()} disabled={profileCount === 0}>
          Export {profileCount} profile{profileCount === 1 ? '' : 's'}
        </button>
        {exported && download && (
          <>
            <a className="button button-quiet" href={download} download="atscale-profiles.json">
              Save as file
            </a>
            <textarea className="input mono" rows={6} readOnly value={exported.json} aria-label="Exported JSON" />
          </>
        )}
      </section>
      <section className="io-section">
        <h3>Import</h3>
        <label className="form-field">
          <span>Import from a file, or paste below</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void e.target.files?.[0]?.text().then(setText)} />
        </label>
        <textarea className="input mono" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-label="JSON to import" />
        <button type="button" className="button button-primary" onClick={() => void doImport()} disabled={text.trim() === ''}>
          Import
        </button>
        {result && (
          <div role="status">
            <p className="ok-text">Imported {result.imported.length} profile{result.imported.length === 1 ? '' : 's'}.</p>
            {result.skipped.length > 0 && (
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.name}>
                    Skipped {s.name}: {s.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
