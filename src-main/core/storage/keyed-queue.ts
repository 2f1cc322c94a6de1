// Work on one key (a profile's file) runs one piece after another, in the order asked; other keys run
// alongside. A failed piece fails its own caller only: the next one still runs.

/** Runs `run` once every earlier piece for `key` has settled; resolves or rejects as `run` does. */
export type KeyedQueue = <T>(key: string, run: () => Promise<T>) => Promise<T>;

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const next = (tails.get(key) ?? Promise.resolve()).then(run);
    tails.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  };
}
