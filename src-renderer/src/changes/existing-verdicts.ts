// The linter on a schedule that exists already (the selected one): a never-firing or look-alike
// expression created before the linter, or elsewhere, is named where the user looks at it.
import { useMemo } from 'react';
import type { LintIssue } from '@shared/cron';
import { useAppStore } from '../store';
import type { ScheduleSource } from '../schedule-view-types';
import { lintForWrite } from '../create/lint-gate';
import { changeTargetOf } from './change-target';

export function useExistingVerdicts(source: ScheduleSource): LintIssue[] {
  const profiles = useAppStore((s) => s.profiles);
  const lists = useAppStore((s) => s.lists);
  const now = useAppStore((s) => s.now);
  return useMemo(() => {
    if (source.schedule.active === false) return [];
    const target = changeTargetOf(profiles, lists, source);
    // Another active schedule with the same fire times is a duplicate of this one (and it of that one).
    return lintForWrite(source.schedule.timeExpression, { timeZone: target?.zone ?? source.serverTimeZone, now, existing: target?.others ?? [] });
  }, [source, profiles, lists, now]);
}
