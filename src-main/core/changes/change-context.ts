// Groups the audit entries of a change made of several writes. The schedule service audits each create
// and delete itself; while a change runs, the audit log it writes through stamps them with the change's
// id and kind (AsyncLocalStorage follows the change's async calls, so concurrent changes stay apart).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ChangeKind } from '@shared/domain';
import type { AuditLog } from '@core/storage/audit-log';

interface ChangeContext {
  changeId: string;
  change: ChangeKind;
}

const current = new AsyncLocalStorage<ChangeContext>();

/** The audit log the schedule service writes through: entries written inside a change carry its id. */
export function withChangeContext(audit: AuditLog): AuditLog {
  return {
    ...audit,
    append(entry) {
      const context = current.getStore();
      return audit.append(context ? { ...entry, changeId: context.changeId, change: context.change } : entry);
    },
  };
}

/** Runs `work` as one change: every write it audits carries the same changeId. */
export function inChange<T>(change: ChangeKind, work: (changeId: string) => Promise<T>, changeId: string = randomUUID()): Promise<T> {
  return current.run({ changeId, change }, () => work(changeId));
}
