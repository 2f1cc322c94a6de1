// The list view for the bench page, with the app's styles (its rows' layout is part of its cost).
import { ScheduleTable } from '@renderer/schedules/ScheduleTable';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import '@renderer/styles/app.css';

export function ListView(props: {
  sources: ScheduleSource[];
  now: Date;
  displayZone: 'server' | 'local';
  selectedKey: string | null;
  onSelect(key: string): void;
}) {
  return (
    <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
      <ScheduleTable {...props} showProfile onDelete={() => undefined} deleteBlocked={() => null} />
    </div>
  );
}
