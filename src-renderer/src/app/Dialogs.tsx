// Renders whichever dialog the view slice has open (one at a time). Every dialog loads on first use
// (the profile editor and import/export carry zod, create carries the builder): the first screen
// parses only what it draws.
import { lazy, Suspense, type ReactNode } from 'react';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { shortcutRows } from '../commands/registry';

const CreateScheduleDialog = lazy(() => import('../create/CreateScheduleDialog').then((m) => ({ default: m.CreateScheduleDialog })));
const DeleteScheduleDialog = lazy(() => import('../delete/DeleteScheduleDialog').then((m) => ({ default: m.DeleteScheduleDialog })));
const ProfileSwitcher = lazy(() => import('../sidebar/ProfileSwitcher').then((m) => ({ default: m.ProfileSwitcher })));
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
  return dialog ? <Suspense fallback={null}>{dialogFor(dialog)}</Suspense> : null;
}

function dialogFor(dialog: NonNullable<ReturnType<typeof useAppStore.getState>['dialog']>): ReactNode {
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
    case 'audit':
      return <AuditLogDialog />;
  }
}
