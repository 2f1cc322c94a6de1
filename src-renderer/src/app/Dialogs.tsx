// Renders whichever dialog the view slice has open (one at a time). The profile editor and the
// import/export dialog are rarely opened and carry zod (form validation): they load on first use,
// so the first screen does not parse ~230 KB it will not need.
import { lazy, Suspense } from 'react';
import { useAppStore } from '../store';
import { CreateScheduleDialog } from '../create/CreateScheduleDialog';
import { DeleteScheduleDialog } from '../delete/DeleteScheduleDialog';
import { ProfileSwitcher } from '../sidebar/ProfileSwitcher';
import { Modal } from '../common/Modal';
import { shortcutRows } from '../commands/registry';

const ProfileEditor = lazy(() => import('../profiles/ProfileEditor').then((m) => ({ default: m.ProfileEditor })));
const AuditLogDialog = lazy(() => import('../audit/AuditLogDialog').then((m) => ({ default: m.AuditLogDialog })));
const ImportExportDialog = lazy(() => import('../profiles/ImportExportDialog').then((m) => ({ default: m.ImportExportDialog })));

function ShortcutsDialog() {
  const close = useAppStore((s) => s.closeDialog);
  return (
    <Modal title="Keyboard shortcuts" onClose={close}>
      <table className="shortcuts">
        <tbody>
          {shortcutRows().map((s) => (
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
      return (
        <Suspense fallback={null}>
          <ProfileEditor key={dialog.profileId ?? 'new'} profileId={dialog.profileId} />
        </Suspense>
      );
    case 'switcher':
      return <ProfileSwitcher />;
    case 'import-export':
      return (
        <Suspense fallback={null}>
          <ImportExportDialog />
        </Suspense>
      );
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'audit':
      return (
        <Suspense fallback={null}>
          <AuditLogDialog />
        </Suspense>
      );
  }
}
