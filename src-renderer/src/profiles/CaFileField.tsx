// The trusted CA file: chosen with the system's file dialog in the desktop app (typed in the browser
// version), and checked to be a readable PEM certificate as soon as it is chosen.
import { useEffect, useState } from 'react';
import type { CaFileCheck } from '@shared/ipc/channels/profiles';
import { call, messageOf } from '../api-client';
import { Field } from './Field';

interface Props {
  path: string;
  error: string | undefined;
  onChange(path: string): void;
}

export function CaFileField({ path, error, onChange }: Props) {
  const [check, setCheck] = useState<CaFileCheck | null>(null);
  const [dialogNote, setDialogNote] = useState<string | null>(null);
  const [dialogAvailable, setDialogAvailable] = useState(true);

  const checkPath = (candidate: string): Promise<CaFileCheck> =>
    call('files:check-ca', { path: candidate.trim() }).catch((e: unknown) => ({ ok: false as const, message: messageOf(e) }));
  const verify = async (candidate: string) => {
    setCheck(null);
    if (candidate.trim() !== '') setCheck(await checkPath(candidate));
  };
  // A path already in the profile is checked when the editor opens, so a moved file shows at once.
  useEffect(() => {
    if (path.trim() === '') return;
    let live = true;
    void checkPath(path).then((result) => live && setCheck(result));
    return () => {
      live = false;
    };
    // Only on open: later paths are checked when chosen or when the field is left.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = async () => {
    setDialogNote(null);
    try {
      const chosen = await call('files:choose-ca', {});
      if (chosen.status === 'chosen') {
        onChange(chosen.path);
        await verify(chosen.path);
      } else if (chosen.status === 'unavailable') {
        setDialogAvailable(false);
        setDialogNote(chosen.message);
      }
    } catch (e) {
      setDialogNote(messageOf(e));
    }
  };

  const hint = check?.ok
    ? `Readable PEM certificate${check.subject ? `: ${check.subject}` : ''}.`
    : (dialogNote ?? 'A PEM file, for servers with a private certificate authority.');
  const shownError = error ?? (check && !check.ok ? check.message : undefined);
  return (
    <Field label="Trusted CA certificate (optional)" error={shownError} hint={hint}>
      {(id, d) => (
        <div className="inline-fields">
          <input
            id={id}
            aria-describedby={d}
            className="input mono"
            placeholder="/etc/ssl/private-ca.pem"
            value={path}
            onChange={(e) => {
              setCheck(null);
              onChange(e.target.value);
            }}
            onBlur={() => void verify(path)}
          />
          {dialogAvailable && (
            <button type="button" className="button" onClick={() => void choose()}>
              Choose file…
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
