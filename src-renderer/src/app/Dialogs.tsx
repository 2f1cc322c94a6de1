// Renders whichever dialog the view slice has open (one at a time). Every dialog loads on first use
// (the profile editor and import/export carry zod, create carries the builder): the first screen
// parses only what it draws.
import { Suspense, type ReactNode } from 'react';
import { lazyView } from './lazy-view';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { shortcutRows } from '../commands/registry';
// In the entry already (the header's button is): no chunk of its own.
import { RunNowDialog } from '../health/RunNowButton';

const CreateScheduleDialogL = lazyView(() => import('../create/CreateScheduleDialog').then((m) => m.CreateScheduleDialog));
const CreateScheduleDialog = CreateScheduleDialogL.View;
const DeleteScheduleDialogL = lazyView(() => import('../delete/DeleteScheduleDialog').then((m) => m.DeleteScheduleDialog));
const DeleteScheduleDialog = DeleteScheduleDialogL.View;
const ProfileSwitcherL = lazyView(() => import('../sidebar/ProfileSwitcher').then((m) => m.ProfileSwitcher));
const ProfileSwitcher = ProfileSwitcherL.View;
const ProfileEditor = lazyView(() => import('../profiles/ProfileEditor').then((m) => m.ProfileEditor)).View;
const AuditLogDialog = lazyView(() => import('../audit/AuditLogDialog').then((m) => m.AuditLogDialog)).View;
const ImportExportDialog = lazyView(() => import('../profiles/ImportExportDialog').then((m) => m.ImportExportDialog)).View;
// The change workflows (changes/).
const EditScheduleDialog = lazyView(() => import('../changes/EditScheduleDialog').then((m) => m.EditScheduleDialog)).View;
const PauseDialog = lazyView(() => import('../changes/PauseDialogs').then((m) => m.PauseDialog)).View;
const ResumeDialog = lazyView(() => import('../changes/PauseDialogs').then((m) => m.ResumeDialog)).View;
const ReactivateDialog = lazyView(() => import('../changes/PauseDialogs').then((m) => m.ReactivateDialog)).View;
const CopyDialog = lazyView(() => import('../changes/CopyDialog').then((m) => m.CopyDialog)).View;
const BulkDeleteDialog = lazyView(() => import('../changes/BulkDeleteDialog').then((m) => m.BulkDeleteDialog)).View;
const SchedulesCodeDialog = lazyView(() => import('../changes/SchedulesCodeDialog').then((m) => m.SchedulesCodeDialog)).View;
const SecretDialogL = lazyView(() => import('../common/SecretDialog').then((m) => m.SecretDialog));
/** The sign-in prompt (the view slice's secretPrompt, opened beside any dialog). */
export const SecretDialog = SecretDialogL.View;

/** The dialogs opened most, fetched ahead so their first opening draws at once. */
export function prefetchDialogs(): Promise<void> {
  return Promise.all([ProfileSwitcherL.prefetch(), CreateScheduleDialogL.prefetch(), DeleteScheduleDialogL.prefetch(), SecretDialogL.prefetch()]).then(
    () => undefined,
  );
}

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
    case 'edit':
      return <EditScheduleDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'reactivate':
      return <ReactivateDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'pause':
      return <PauseDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'resume':
      return <ResumeDialog key={dialog.key} scheduleKey={dialog.key} />;
    case 'copy':
      return <CopyDialog key={dialog.keys.join(',')} keys={dialog.keys} />;
    case 'bulk-delete':
      return <BulkDeleteDialog key={dialog.keys.join(',')} keys={dialog.keys} />;
    case 'schedules-code':
      return <SchedulesCodeDialog key={dialog.profileId} profileId={dialog.profileId} />;
    case 'run-now':
      return <RunNowDialog key={dialog.profileId} dialog={dialog} />;
  }
}
