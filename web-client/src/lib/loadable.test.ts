import { describe, expect, it } from 'vitest';
import { Loadable } from './loadable.svelte';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Loadable', () => {
  it('keeps the value, clears the error on success and reports the message on failure', async () => {
    let next: Promise<number> = Promise.resolve(1);
    const state = new Loadable(() => next);
    await state.reload();
    expect(state.value).toBe(1);
    next = Promise.reject(new Error('The API is down.'));
    await state.reload();
    expect(state.error).toBe('The API is down.');
    expect(state.value).toBe(1);
    next = Promise.resolve(2);
    await state.reload();
    expect([state.value, state.error, state.loading]).toEqual([2, null, false]);
  });

  it('keeps only the latest of overlapping loads', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const answers = [slow.promise, fast.promise];
    const state = new Loadable(() => answers.shift()!);
    const first = state.reload();
    const second = state.reload();
    fast.resolve('newer');
    await second;
    expect(state.loading).toBe(false);
    slow.resolve('older');
    await first;
    expect(state.value).toBe('newer');
  });
});
