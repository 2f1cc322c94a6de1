// The list row's tick box for copy and bulk delete, and a paused row's "Paused" mark with Resume.
import { useAppStore } from '../store';
import { isPausedKey } from './paused-sources';

export function RowSelect({ sourceKey, expression }: { sourceKey: string; expression: string }) {
  const checked = useAppStore((s) => s.checkedKeys.includes(sourceKey));
  const setChecked = useAppStore((s) => s.setChecked);
  const openDialog = useAppStore((s) => s.openDialog);
  if (isPausedKey(sourceKey)) {
    return (
      <button
        type="button"
        className="button button-small"
        aria-label={`Resume schedule ${expression}`}
        onClick={() => openDialog({ kind: 'resume', key: sourceKey })}
      >
        Resume
      </button>
    );
  }
  return (
    <input
      type="checkbox"
      className="row-select"
      checked={checked}
      aria-label={`Pick schedule ${expression}`}
      onChange={(e) => setChecked(sourceKey, e.target.checked)}
    />
  );
}
