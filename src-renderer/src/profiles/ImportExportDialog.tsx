// Import and export profiles as JSON. Without a passphrase exports hold no secrets; with one, the
// passwords and tokens travel encrypted under it (scrypt + AES-256-GCM, done in main).
import { useState } from 'react';
import type { EncryptedImportResult } from '@shared/ipc/channels/connections';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { call, messageOf } from '../api-client';
import { reloadTokenAges } from './token-ages';

const MIN_PASSPHRASE = 8;

export function ImportExportDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const loadApp = useAppStore((s) => s.loadApp);
  const profileCount = useAppStore((s) => s.profiles.length);
  const keychainOk = useAppStore((s) => s.appInfo?.keychain !== 'unavailable');
  const [withSecrets, setWithSecrets] = useState(false);
  const [exportPass, setExportPass] = useState('');
  const [exportPass2, setExportPass2] = useState('');
  const [exported, setExported] = useState<{ json: string; count: number; secrets: number } | null>(null);
  const [text, setText] = useState('');
  const [importPass, setImportPass] = useState('');
  const [result, setResult] = useState<EncryptedImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileHasSecrets = /"secrets"\s*:\s*\{/.test(text);

  const exportProblem = !withSecrets
    ? null
    : exportPass.length < MIN_PASSPHRASE
      ? `The passphrase needs at least ${MIN_PASSPHRASE} characters.`
      : exportPass !== exportPass2
        ? 'The two passphrases differ.'
        : null;

  const doExport = async () => {
    setError(null);
    try {
      setExported(await call('profiles:export-encrypted', withSecrets ? { passphrase: exportPass } : {}));
    } catch (e) {
      setError(`Export failed: ${messageOf(e)}`);
    }
  };
  const doImport = async () => {
    setError(null);
    setResult(null);
    try {
      const request =
        fileHasSecrets && importPass !== ''
          ? { json: text, passphrase: importPass, secretStorage: keychainOk ? ('keychain' as const) : ('memory' as const) }
          : { json: text };
      setResult(
        fileHasSecrets && importPass === ''
          ? { ...(await call('profiles:import', { json: text })), secretsSet: 0, secretProblems: [] }
          : await call('profiles:import-encrypted', request),
      );
      await loadApp();
      void reloadTokenAges();
    } catch (e) {
      setError(`Import failed: ${messageOf(e)}`);
    }
  };
  const download = exported ? URL.createObjectURL(new Blob([exported.json], { type: 'application/json' })) : null;

  return (
    <Modal title="Import and export profiles" wide onClose={close}>
      <section className="io-section">
        <h3>Export</h3>
        <p className="muted">Profiles as JSON. Without secrets, whoever imports them enters their own passwords and tokens.</p>
        <label className="checkbox">
          <input type="checkbox" checked={withSecrets} onChange={(e) => setWithSecrets(e.target.checked)} />
          Include passwords and tokens, encrypted under a passphrase
        </label>
        {withSecrets && (
          <div className="inline-fields">
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              aria-label="Passphrase"
              placeholder="Passphrase"
              value={exportPass}
              onChange={(e) => setExportPass(e.target.value)}
            />
            <input
              className="input"
              type="password"
              autoComplete="new-password"
              aria-label="Passphrase again"
              placeholder="Passphrase again"
              value={exportPass2}
              onChange={(e) => setExportPass2(e.target.value)}
            />
          </div>
        )}
        {withSecrets && (
          <p className="field-hint">
            {exportProblem ??
              'Keys come from scrypt (N = 2^15, r = 8, p = 1, random salt); secrets are sealed with AES-256-GCM. Without the passphrase nobody can read them, you included.'}
          </p>
        )}
        <button type="button" className="button" onClick={() => void doExport()} disabled={profileCount === 0 || exportProblem !== null}>
          Export {profileCount} profile{profileCount === 1 ? '' : 's'}
        </button>
        {exported && download && (
          <>
            {exported.secrets > 0 && (
              <p className="ok-text">
                {exported.secrets} secret{exported.secrets === 1 ? '' : 's'} included, encrypted.
              </p>
            )}
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
        {fileHasSecrets && (
          <div className="form-field">
            <label htmlFor="import-passphrase">Passphrase of the encrypted secrets</label>
            <input
              id="import-passphrase"
              className="input"
              type="password"
              autoComplete="off"
              value={importPass}
              onChange={(e) => setImportPass(e.target.value)}
            />
            <p className="field-hint">
              {importPass === ''
                ? 'Leave it empty to import the profiles without their secrets.'
                : keychainOk
                  ? 'The secrets go to the system keychain.'
                  : 'No system keychain is available: the secrets are kept in memory for this session only.'}
            </p>
          </div>
        )}
        <button type="button" className="button button-primary" onClick={() => void doImport()} disabled={text.trim() === ''}>
          Import
        </button>
        {result && (
          <div role="status">
            <p className="ok-text">
              Imported {result.imported.length} profile{result.imported.length === 1 ? '' : 's'}
              {result.secretsSet > 0 ? `, ${result.secretsSet} with ${result.secretsSet === 1 ? 'its' : 'their'} secret` : ''}.
            </p>
            {(result.skipped.length > 0 || result.secretProblems.length > 0) && (
              <ul>
                {result.skipped.map((s) => (
                  <li key={`skip-${s.name}`}>
                    Skipped {s.name}: {s.reason}
                  </li>
                ))}
                {result.secretProblems.map((s) => (
                  <li key={`secret-${s.name}`}>
                    {s.name} was imported without its secret: {s.reason}
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
