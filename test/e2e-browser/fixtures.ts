// The specs' `test`: fails any test during which the page threw an uncaught error or logged a React error.
import { test as base, expect } from '@playwright/test';
import { spawnHarness, type SpawnedHarness } from '../harness/spawn';

export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
      });
      await use();
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * One harness (real core + simulator, in a child process) for the tests of the enclosing file or
 * describe block: started before the first test, stopped after the last. Use it inside tests only.
 */
export function useHarness(options: { seed?: string } = {}): SpawnedHarness {
  let spawned: SpawnedHarness | undefined;
  test.beforeAll(async () => {
    spawned = await spawnHarness(options);
  });
  test.afterAll(async () => {
    await spawned?.close();
  });
  return new Proxy({} as SpawnedHarness, {
    get(_target, key) {
      if (!spawned) throw new Error('the harness is not started yet: use it inside a test');
      const value: unknown = Reflect.get(spawned, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(spawned) : value;
    },
  });
}
