// What a call to main turns into when it fails: the app error main answered, or one that says the
// bridge is missing or main could not be reached; and the message a person reads from any of them.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, call, messageOf } from '@renderer/api-client';
import { err, installFakeApi, ok } from './support/fake-api';

const setWindow = (w: unknown) => ((globalThis as { window?: unknown }).window = w);
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`not an ApiError: ${String(e)}`, { cause: e });
  }
  throw new Error('the call did not fail');
}

describe('a call to main', () => {
  it('answers the value main answered', async () => {
    installFakeApi().handle('blackouts:get', () => ok([]));
    await expect(call('blackouts:get', {})).resolves.toEqual([]);
  });

  it('turns main’s refusal into an ApiError of its kind and message', async () => {
    installFakeApi().handle('blackouts:get', () => err('network', 'The server did not answer.'));
    const e = await failure(call('blackouts:get', {}));
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'ApiError', kind: 'network', message: 'The server did not answer.' });
  });

  it('says to restart when the window has no bridge at all', async () => {
    setWindow({});
    const e = await failure(call('blackouts:get', {}));
    expect(e).toMatchObject({ kind: 'internal', message: 'The app bridge is missing: restart the app.' });
  });

  it('says to restart when the bridge lacks the channel', async () => {
    setWindow({ api: {} });
    const e = await failure(call('blackouts:get', {}));
    expect(e).toMatchObject({ kind: 'internal', message: 'The app bridge is missing: restart the app.' });
  });

  it('names the channel when main could not be reached', async () => {
    setWindow({
      api: {
        'blackouts:get': () => Promise.reject(new Error('Error invoking remote method')),
      },
    });
    const e = await failure(call('blackouts:get', {}));
    expect(e).toMatchObject({ kind: 'internal', message: 'The app could not reach its main process (blackouts:get). Restart the app.' });
  });
});

describe('the message of a failure', () => {
  it('is an error’s own message, or the thrown value as text', () => {
    expect(messageOf(new ApiError({ kind: 'unauthorized', message: 'Sign in again.' }))).toBe('Sign in again.');
    expect(messageOf('offline')).toBe('offline');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
