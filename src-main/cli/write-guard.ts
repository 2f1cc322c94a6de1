// Ctrl-C (SIGINT) or SIGTERM while a write is in flight: leaving at once would hide whether the server
// acted. The first signal waits for the answer (reported as usual, then exit 130); a second one leaves
// at once, saying the outcome is unknown and how to check it. Outside a write, signals are not handled
// here and end the process as before.

/** One HTTP exchange's deadline, given to the core, so the wait announced on a signal is the real one. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** The exit code of a run ended by a signal (128 + SIGINT's 2), as shells report it. */
export const EXIT_INTERRUPTED = 130;

export interface WriteInFlight {
  /** The write in words, e.g. `the create of "0 0 4 ? * *" in "Dev"`. */
  what: string;
  /** How many requests the write may send (apply: one per step). */
  requests: number;
  /** The exact command that shows whether the server acted. */
  check: string;
  /** Lets go of the data folder before leaving, so the check command can run at once. */
  letGo?: () => Promise<void>;
}

export type GuardWrite = <T>(write: WriteInFlight, run: () => Promise<T>) => Promise<T>;

export interface WriteGuard {
  whileWriting: GuardWrite;
  /** True once a signal arrived during a write: the run then ends with exit code 130. */
  interrupted(): boolean;
  /** True once a second signal gave up on the answer: nothing the command prints after that is shown. */
  leaving(): boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function waitLine(write: WriteInFlight, timeoutMs: number): string {
  const seconds = Math.ceil(timeoutMs / 1000);
  const limit = write.requests > 1 ? `at most ${seconds} s for each of its ${write.requests} requests` : `at most ${seconds} s, the request's timeout`;
  return `Interrupted: waiting for the server's answer to ${write.what} (${limit}). Press Ctrl-C again to leave without it.`;
}

function leaveLine(write: WriteInFlight): string {
  return `Left without the server's answer: the outcome of ${write.what} is unknown (the server may have done it). Check with: ${write.check}`;
}

/** At most this long to let go of the data folder before leaving on a second signal. */
const LET_GO_MS = 1000;

/** The timer keeps the process alive: it must end through `leave` (exit 130), never drain out with 0. */
function letGo(write: WriteInFlight): Promise<void> {
  const release = (write.letGo?.() ?? Promise.resolve()).catch(() => undefined);
  return Promise.race([release, new Promise<void>((done) => setTimeout(done, LET_GO_MS))]);
}

/** `leave` ends the process with the code once stderr is written out. */
export function createWriteGuard(options: { err: (text: string) => void; leave: (code: number) => void; timeoutMs?: number }): WriteGuard {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let interrupted = false;
  let leaving = false;
  return {
    interrupted: () => interrupted,
    leaving: () => leaving,
    async whileWriting(write, run) {
      let signals = 0;
      const onSignal = (): void => {
        signals += 1;
        interrupted = true;
        if (signals === 1) return options.err(waitLine(write, timeoutMs));
        if (leaving) return;
        leaving = true;
        options.err(leaveLine(write));
        void letGo(write).then(() => options.leave(EXIT_INTERRUPTED));
      };
      for (const signal of SIGNALS) process.on(signal, onSignal);
      try {
        return await run();
      } finally {
        // Once leaving, the handler stays: a third signal must not end the process before the folder is let go.
        if (!leaving) for (const signal of SIGNALS) process.off(signal, onSignal);
      }
    },
  };
}

/** A word as a POSIX shell reads it back: plain when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
