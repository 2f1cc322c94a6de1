// Renders whichever dialog the view slice has open (one at a time).
import { useAppStore } from '../store';
import { CreateScheduleDialog } from '../create/CreateScheduleDialog';
import { DeleteScheduleDialog } from '../delete/DeleteScheduleDialog';
import { ProfileEditor } from '../profiles/ProfileEditor';
import { ImportExportDialog } from '../profiles/ImportExportDialog';
import { ProfileSwitcher } from '../sidebar/ProfileSwitcher';
import { Modal } from '../common/Modal';
import { SHORTCUTS } from './shortcuts';

function ShortcutsDialog() {
  const close = useAppStore((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={close}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

export function Dialogs() {
  const dialog = useAppStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'create':
      return <CreateScheduleDialog key={dialog.profileId} profileId={dialog.profileId} />;
    case 'delete':
      return <DeleteScheduleDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'profile':
      return <ProfileEditor key={dialog.profileId ?? 'new'} profileId={dialog.profileId} />;
    case 'switcher':
      return <ProfileSwitcher />;
    case 'import-export':
      return <ImportExportDialog />;
    case 'shortcuts':
      return <ShortcutsDialog />;
  }
}
