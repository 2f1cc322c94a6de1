// The week-by-hour-of-day summary: runs in progress summed per weekday and wall hour of the axis zone.
import type { WeekHourSummary } from '@shared/fleet';
import { levelOf } from './load-grid';

// Monday first, as people read a working week; the summary indexes 0 = Sunday.
const DAYS: [number, string][] = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [0, 'Sun'],
];

export function WeekHourTable({ summary, caption }: { summary: WeekHourSummary; caption: string }) {
  const peak = summary.busy.reduce((m, row) => row.reduce((n, v) => (v > n ? v : n), m), 0);
  return (
    <table className="weekhour">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Weekday</span>
          </th>
          {Array.from({ length: 24 }, (_, h) => (
            <th key={h} scope="col">
              {String(h).padStart(2, '0')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {DAYS.map(([i, name]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {(summary.busy[i] ?? []).map((v, h) => (
              <td key={h} className={`hm-cell l${levelOf(v, peak)}`} title={`${name} ${String(h).padStart(2, '0')}:00: ${v} run-hours`}>
                <span className="visually-hidden">{v}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
