// The paused schedules for the views: loaded once when the workspace appears (main keeps them durably).
import { useEffect } from 'react';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { useAppStore } from '../store';

export function usePausedSchedules(): PausedSchedule[] {
  const paused = useAppStore((s) => s.paused);
  const load = useAppStore((s) => s.loadPaused);
  useEffect(() => {
    void load();
  }, [load]);
  return paused;
}
