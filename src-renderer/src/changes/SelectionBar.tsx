// The list toolbar's change actions: what is picked (Copy to…, Delete…) and schedules as code.
import { useShallow } from 'zustand/react/shallow';
import { ALL_PROFILES, useAppStore } from '../store';
import './changes.css';

export function SelectionBar() {
  const s = useAppStore(useShallow((st) => ({ checked: st.checkedKeys, clear: st.clearChecked, openDialog: st.openDialog, selected: st.selectedProfileId, pausedProblem: st.pausedProblem })));
  const n = s.checked.length;
  const profileId = s.selected !== ALL_PROFILES ? s.selected : null;
  return (
    <div className="selection-bar" role="group" aria-label="Picked schedules">
      {n > 0 && (
        <>
          <span role="status">{n} picked</span>
          <button type="button" className="button button-small" onClick={() => s.openDialog({ kind: 'copy', keys: s.checked })}>
            Copy to…
          </button>
          <button type="button" className="button button-small button-danger-quiet" onClick={() => s.openDialog({ kind: 'bulk-delete', keys: s.checked })}>
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
