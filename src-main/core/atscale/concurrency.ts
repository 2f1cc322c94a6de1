// Runs async work over many items with at most `limit` in flight: refreshing many orgs at once without
// opening a socket storm. Results keep the input order; the first rejection rejects the whole call
// (wrap `fn` in a try/catch to collect per-item outcomes instead).

/** Enough to refresh a typical fleet of orgs in one wave, small enough to stay polite to one server. */
export const DEFAULT_CONCURRENCY = 24;

export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number of at least 1, not ${String(limit)}`);
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (err) {
        failed = true; // stop handing out new work; in-flight items finish on their own
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
