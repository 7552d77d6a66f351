import { describe, expect, it } from 'vitest';
import { messageOf, Submission } from './submission.svelte';

describe('Submission', () => {
  it('says what worked, then the refusal beside the form, and clears each when the other comes', async () => {
    const form = new Submission();
    expect(
      await form.run(
        () => Promise.resolve(3),
        (n) => `${n} rows`,
      ),
    ).toBe(true);
    expect([form.message, form.problem]).toEqual(['3 rows', null]);

    expect(await form.run(() => Promise.reject(new Error('The roster has no login column.')))).toBe(false);
    expect([form.message, form.problem]).toEqual([null, 'The roster has no login column.']);

    expect(await form.run(() => Promise.resolve('ok'))).toBe(true);
    expect([form.message, form.problem]).toEqual([null, null]);
  });

  it('is busy while sending and ignores a second send until the first has answered', async () => {
    const form = new Submission();
    let answer!: (value: string) => void;
    let sends = 0;
    const send = () => {
      sends++;
      return new Promise<string>((resolve) => (answer = resolve));
    };
    const first = form.run(send);
    expect(form.busy).toBe(true);
    expect(await form.run(send)).toBe(false);
    expect(sends).toBe(1);
    answer('done');
    expect(await first).toBe(true);
    expect(form.busy).toBe(false);
  });

  it('reads a message from anything thrown', () => {
    expect(messageOf(new Error('Network down.'))).toBe('Network down.');
    expect(messageOf('plain words')).toBe('plain words');
  });
});
