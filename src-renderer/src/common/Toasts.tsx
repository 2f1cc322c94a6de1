// Confirmations of what just succeeded, bottom right; a polite live region, so screen readers (and
// tests) read each one as it appears. Warnings stay until closed.
import { useAppStore } from '../store';

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  const dismiss = useAppStore((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} data-testid="toast">
          <span>
            {t.tone === 'warning' ? '⚠ ' : '✓ '}
            {t.text}
          </span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
