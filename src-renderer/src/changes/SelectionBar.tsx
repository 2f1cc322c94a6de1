// The list toolbar's change actions: what is picked (Copy to…, Delete…) and schedules as code.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_PROFILES, useAppStore } from '../store';
import { buildSources } from '../store/sources';
import './changes.css';

export function SelectionBar() {
  const s = useAppStore(
    useShallow((st) => ({
      ticked: st.checkedKeys,
      profiles: st.profiles,
      lists: st.lists,
      paused: st.paused,
      clear: st.clearChecked,
      openDialog: st.openDialog,
      selected: st.selectedProfileId,
      pausedProblem: st.pausedProblem,
    })),
  );
  // Picks of schedules gone since (deleted, edited, resumed under a new job) no longer count.
  const checked = useMemo(() => {
    const present = new Set(buildSources(s.profiles, s.lists, ALL_PROFILES, true, s.paused).map((x) => x.key));
    return s.ticked.filter((k) => present.has(k));
  }, [s.ticked, s.profiles, s.lists, s.paused]);
  const n = checked.length;
  const profileId = s.selected !== ALL_PROFILES ? s.selected : null;
  return (
    <div className="selection-bar" role="group" aria-label="Picked schedules">
      {n > 0 && (
        <>
          <span role="status">{n} picked</span>
          <button type="button" className="button button-small" onClick={() => s.openDialog({ kind: 'copy', keys: checked })}>
            Copy to…
          </button>
          <button type="button" className="button button-small button-danger-quiet" onClick={() => s.openDialog({ kind: 'bulk-delete', keys: checked })}>
            Delete {n}…
          </button>
          <button type="button" className="button button-small" onClick={s.clear}>
            Clear
          </button>
        </>
      )}
      {profileId && (
        <button type="button" className="button button-small" onClick={() => s.openDialog({ kind: 'schedules-code', profileId })}>
          Export / plan…
        </button>
      )}
      {s.pausedProblem && <span className="warning">{s.pausedProblem}</span>}
    </div>
  );
}
