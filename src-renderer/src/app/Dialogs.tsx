// Renders whichever dialog the view slice has open (one at a time). The profile editor and the
// import/export dialog are rarely opened and carry zod (form validation): they load on first use,
// so the first screen does not parse ~230 KB it will not need.
import { lazy, Suspense } from 'react';
import { useAppStore } from '../store';
import type { Dialog } from '../store/view-slice';
import { CreateScheduleDialog } from '../create/CreateScheduleDialog';
import { DeleteScheduleDialog } from '../delete/DeleteScheduleDialog';
import { ProfileSwitcher } from '../sidebar/ProfileSwitcher';
import { Modal } from '../common/Modal';
import { shortcutRows } from '../commands/registry';

const ProfileEditor = lazy(() => import('../profiles/ProfileEditor').then((m) => ({ default: m.ProfileEditor })));
const AuditLogDialog = lazy(() => import('../audit/AuditLogDialog').then((m) => ({ default: m.AuditLogDialog })));
const ImportExportDialog = lazy(() => import('../profiles/ImportExportDialog').then((m) => ({ default: m.ImportExportDialog })));
// The change workflows (changes/): opened now and then, so they load on first use too.
const EditScheduleDialog = lazy(() => import('../changes/EditScheduleDialog').then((m) => ({ default: m.EditScheduleDialog })));
const PauseDialog = lazy(() => import('../changes/PauseDialogs').then((m) => ({ default: m.PauseDialog })));
const ResumeDialog = lazy(() => import('../changes/PauseDialogs').then((m) => ({ default: m.ResumeDialog })));
const ReactivateDialog = lazy(() => import('../changes/PauseDialogs').then((m) => ({ default: m.ReactivateDialog })));
const CopyDialog = lazy(() => import('../changes/CopyDialog').then((m) => ({ default: m.CopyDialog })));
const BulkDeleteDialog = lazy(() => import('../changes/BulkDeleteDialog').then((m) => ({ default: m.BulkDeleteDialog })));
const SchedulesCodeDialog = lazy(() => import('../changes/SchedulesCodeDialog').then((m) => ({ default: m.SchedulesCodeDialog })));

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
    default:
      return <Suspense fallback={null}>{changeDialog(dialog)}</Suspense>;
  }
}

function changeDialog(dialog: Exclude<Dialog, { kind: 'create' | 'delete' | 'profile' | 'switcher' | 'import-export' | 'shortcuts' | 'audit' }>) {
  switch (dialog.kind) {
    case 'edit':
      return <EditScheduleDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'reactivate':
      return <ReactivateDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'pause':
      return <PauseDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'resume':
      return <ResumeDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'copy':
      return <CopyDialog keys={dialog.keys} />;
    case 'bulk-delete':
      return <BulkDeleteDialog keys={dialog.keys} />;
    case 'schedules-code':
      return <SchedulesCodeDialog key={dialog.profileId} profileId={dialog.profileId} />;
  }
}
