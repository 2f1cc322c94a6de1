// The heatmap as a table, on request: every day and hour with its runs in progress, for screen readers'
// table navigation and for reading the numbers (the canvas only draws them).
import { hourLabel } from './load-format';
import type { GridRow } from './load-grid';

interface Props {
  caption: string;
  rows: readonly GridRow[];
  labels: readonly string[];
}

const HOURS = Array.from({ length: 24 }, (_, h) => hourLabel(h));

export function HeatmapTable({ caption, rows, labels }: Props) {
  return (
    <div className="heatmap-table">
      <table className="mini-table" data-testid="load-table">
        <caption>{caption}: runs in progress per hour (– where the hour does not exist)</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {HOURS.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.day}>
              <th scope="row" className="nowrap">
                {labels[r]}
              </th>
              {row.cells.map((cell, c) => (
                <td key={c}>{cell.buckets.length === 0 ? '–' : cell.busy}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
