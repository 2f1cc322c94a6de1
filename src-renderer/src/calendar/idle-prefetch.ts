// Runs small tasks when the page is idle, a few at a time, so warming the cache for the next month
// never delays a click. A task that returns false has work left and is called again. Returns a cancel function.
export function runWhenIdle(tasks: (() => boolean | void)[]): () => void {
  let index = 0;
  let handle = 0;
  const hasIdle = typeof requestIdleCallback === 'function';
  const step = (deadline?: IdleDeadline) => {
    // An idle period can last 50 ms; a slice that long is a long task if input arrives meanwhile.
    const until = performance.now() + 8;
    while (index < tasks.length && performance.now() < until && (!deadline || deadline.timeRemaining() > 2)) {
      if (tasks[index]?.() !== false) index += 1;
    }
    if (index < tasks.length) schedule();
  };
  const schedule = () => {
    handle = hasIdle ? requestIdleCallback(step, { timeout: 2_000 }) : window.setTimeout(step, 16);
  };
  schedule();
  return () => (hasIdle ? cancelIdleCallback(handle) : window.clearTimeout(handle));
}
