// Side-by-side placement of chips and bands in a day column of the week view: overlapping items
// share the width in columns, as desktop calendars do; past `maxColumns` the rest is counted per hour.

export interface TimedItem {
  id: string;
  /** Minutes since the day's midnight (wall clock), 0-1440. */
  startMin: number;
  endMin: number;
}

export interface PlacedItem extends TimedItem {
  column: number;
  /** Columns in this item's overlap cluster: its width is 1/columns of the day. */
  columns: number;
}

export interface Placement {
  placed: PlacedItem[];
  /** Items that found no column, counted by the hour they start in (hour -> ids). */
  overflow: Map<number, string[]>;
}

export function placeItems(items: readonly TimedItem[], maxColumns: number): Placement {
  const sorted = [...items].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin || a.id.localeCompare(b.id));
  const placed: PlacedItem[] = [];
  const overflow = new Map<number, string[]>();
  let cluster: PlacedItem[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const p of cluster) p.columns = columnEnds.length;
    placed.push(...cluster);
    cluster = [];
    columnEnds = [];
  };
  for (const item of sorted) {
    if (item.startMin >= clusterEnd) closeCluster();
    let column = columnEnds.findIndex((end) => end <= item.startMin);
    if (column === -1 && columnEnds.length < maxColumns) {
      column = columnEnds.length;
      columnEnds.push(0);
    }
    if (column === -1) {
      const hour = Math.min(23, Math.floor(item.startMin / 60));
      const list = overflow.get(hour) ?? [];
      list.push(item.id);
      overflow.set(hour, list);
      continue;
    }
    columnEnds[column] = item.endMin;
    clusterEnd = Math.max(clusterEnd, item.endMin);
    cluster.push({ ...item, column, columns: 1 });
  }
  closeCluster();
  return { placed, overflow };
}
