// The header's "Auto-refresh every …" choice; the value lives in the view slice (kept in localStorage).
import { useAppStore } from '../store';
import { AUTO_REFRESH_CHOICES } from '../store/view-slice';

export function AutoRefreshControl() {
  const minutes = useAppStore((s) => s.autoRefreshMinutes);
  const set = useAppStore((s) => s.setAutoRefreshMinutes);
  return (
    <label className="auto-refresh" title="Refresh the shown lists by themselves, on focus and when the network comes back">
      <span className="muted">Auto-refresh</span>
      <select className="input input-small" value={minutes} onChange={(e) => set(Number(e.target.value))} aria-label="Auto-refresh interval">
        {AUTO_REFRESH_CHOICES.map((m) => (
          <option key={m} value={m}>
            {m === 0 ? 'Off' : `every ${m} min`}
          </option>
        ))}
      </select>
    </label>
  );
}
